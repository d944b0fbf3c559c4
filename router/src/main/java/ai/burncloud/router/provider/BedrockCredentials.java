package ai.burncloud.router.provider;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A Bedrock channel's key as operators give it: {@code ACCESS_KEY_ID|SECRET_ACCESS_KEY}, optionally
 * {@code |SESSION_TOKEN}. Error messages never quote the key.
 */
final class BedrockCredentials {
    private BedrockCredentials() {}

    static AwsCredentialsIdentity parse(String key) {
        String[] parts = key == null ? new String[0] : key.split("\\|", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalStateException(
                    "bedrock channel key must be ACCESS_KEY_ID|SECRET_ACCESS_KEY[|SESSION_TOKEN]");
        }
        if (parts.length == 3 && !parts[2].isBlank()) {
            return AwsSessionCredentialsIdentity.create(parts[0].trim(), parts[1].trim(), parts[2].trim());
        }
        return AwsCredentialsIdentity.create(parts[0].trim(), parts[1].trim());
    }
}
