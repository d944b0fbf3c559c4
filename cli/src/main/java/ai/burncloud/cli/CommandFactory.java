package ai.burncloud.cli;

import picocli.CommandLine;

/** Builds command objects with the {@link CliContext} they need; everything else the default way. */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext ctx;

    CommandFactory(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
