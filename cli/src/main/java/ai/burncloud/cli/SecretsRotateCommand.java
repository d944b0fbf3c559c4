package ai.burncloud.cli;

import ai.burncloud.database.ChannelKeys;
import ai.burncloud.database.KeyFile;
import ai.burncloud.database.MasterKey;
import ai.burncloud.service.AuditTrail;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burncloud secrets rotate}: re-encrypts every upstream key under a new master key in one
 * transaction. With a key file the file is rewritten and running routers read it by themselves; with
 * {@code BURNCLOUD_SECRET_KEY} the operator must put the new key there and restart the routers.
 */
@Command(
        name = "rotate",
        description = {
            "Re-encrypt every upstream key under a new master key (one transaction).",
            "With a key file (the default) the file is rewritten; running routers pick it up.",
            "With BURNCLOUD_SECRET_KEY the new key is printed once (or read with --new-key-stdin):",
            "set it in the environment and restart the routers."
        })
final class SecretsRotateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--new-key-stdin",
            description =
                    "Read the new key (32 bytes in base64) from the first line of stdin instead of generating one.")
    boolean newKeyStdin;

    @Mixin
    JsonOption output;

    /** What the rotation did, and the key file it rewrote (null: the key is BURNCLOUD_SECRET_KEY). */
    private record Rotated(ChannelKeys.Outcome outcome, String file) {}

    SecretsRotateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        MasterKey next = newKeyStdin
                ? MasterKey.parse(ctx.lineFromStdin("--new-key-stdin", "key"), "the key on standard input")
                : MasterKey.generate("burncloud secrets rotate");
        Rotated rotated = ctx.withServices(s -> {
            ChannelKeys keys = s.repos().channelKeys();
            ChannelKeys.Outcome done = keys.rotate(next);
            ObjectNode after = JsonNodeFactory.instance.objectNode();
            after.put("key_id", next.id());
            after.put("reencrypted", done.encrypted());
            s.audit().record(AuditTrail.cliActor(), "cli", "secrets", next.id(), "rotate", null, after);
            return new Rotated(
                    done, keys.source() instanceof KeyFile f ? f.path().toString() : null);
        });
        ChannelKeys.Outcome outcome = rotated.outcome();
        boolean inFile = rotated.file() != null;
        String where = rotated.file();
        boolean showKey = !inFile && !newKeyStdin;
        if (output.json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("reencrypted", outcome.encrypted());
            n.put("key_id", next.id());
            n.put("key_source", inFile ? where : "BURNCLOUD_SECRET_KEY");
            if (showKey) {
                n.put("new_key", next.encoded());
            }
            JsonOutput.print(ctx.out(), n);
            return ExitCode.OK;
        }
        ctx.out().println("Re-encrypted " + outcome.encrypted() + " upstream keys under key " + next.id() + ".");
        if (inFile) {
            ctx.out().println("The new key is in " + where + "; running routers pick it up. Back it up.");
        } else {
            if (showKey) {
                ctx.out().println("New BURNCLOUD_SECRET_KEY (shown only this once): " + next.encoded());
            }
            ctx.out()
                    .println("Set BURNCLOUD_SECRET_KEY to the new key everywhere and restart the routers:"
                            + " until then they cannot read the re-encrypted keys.");
        }
        return ExitCode.OK;
    }
}
