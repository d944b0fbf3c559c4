package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.Repositories;
import ai.burncloud.router.provider.Providers;
import ai.burncloud.router.translate.Translators;
import ai.burncloud.service.AbandonedRequests;
import ai.burncloud.service.ChannelTestResult;
import ai.burncloud.service.DataPlaneView;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.RequestListener;
import ai.burncloud.service.TokenCounter;
import ai.burncloud.service.UsageRecorder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane: a Netty HTTP/1.1 server on HOST:PORT (epoll where available), the routing
 * snapshot, quota ledger and usage recorder behind it. {@link #close()} shuts down gracefully: stop
 * accepting, let in-flight requests finish (bounded by SHUTDOWN_GRACE_S), flush billing.
 */
public final class RouterServer implements AutoCloseable, DataPlaneView {
    private static final Logger log = LoggerFactory.getLogger(RouterServer.class);

    private final BurnCloudConfig config;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final StateSync stateSync;
    private final QuotaLedger ledger;
    private final Settler settler;
    private final AtomicInteger inFlight;
    private final AtomicReference<RoutingSnapshot> snapshot;
    private final ChannelProbe probe;
    private final io.netty.channel.group.ChannelGroup clients;
    private final KeyLookup keyLookup;
    private final AdmissionSharing sharing;

    private RouterServer(
            BurnCloudConfig config,
            EventLoopGroup boss,
            EventLoopGroup workers,
            Channel serverChannel,
            StateSync stateSync,
            QuotaLedger ledger,
            Settler settler,
            AtomicInteger inFlight,
            AtomicReference<RoutingSnapshot> snapshot,
            ChannelProbe probe,
            io.netty.channel.group.ChannelGroup clients,
            KeyLookup keyLookup,
            AdmissionSharing sharing) {
        this.config = config;
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.stateSync = stateSync;
        this.ledger = ledger;
        this.settler = settler;
        this.inFlight = inFlight;
        this.snapshot = snapshot;
        this.probe = probe;
        this.clients = clients;
        this.keyLookup = keyLookup;
        this.sharing = sharing;
    }

    /** The data plane alone: every non-data-plane path answers 404. */
    public static RouterServer start(BurnCloudConfig config, Repositories repos) throws InterruptedException {
        return start(config, repos, 0);
    }

    /**
     * Loads the routing snapshot and starts listening.
     *
     * @param controlPlanePort the loopback port of the control plane, which serves every non-data-plane
     *     path; 0 for none (such paths then answer 404)
     */
    public static RouterServer start(BurnCloudConfig config, Repositories repos, int controlPlanePort)
            throws InterruptedException {
        return start(config, repos, controlPlanePort, null, Seams.standard());
    }

    /**
     * As above, with the control plane's relay secret, so the addresses the relay forwards in
     * X-Forwarded-For are believed there (without it the control plane sees every caller as loopback).
     */
    public static RouterServer start(
            BurnCloudConfig config, Repositories repos, int controlPlanePort, String relaySecret)
            throws InterruptedException {
        return start(config, repos, controlPlanePort, relaySecret, Seams.standard());
    }

    /**
     * The parts a test may replace: the clock the circuit breakers and rate limits read (so a cooldown
     * can pass without sleeping) and the translators (so one can be made to fail on purpose).
     */
    public record Seams(java.util.function.LongSupplier nanoClock, Translators translators) {
        public static Seams standard() {
            return new Seams(System::nanoTime, Translators.standard());
        }
    }

    /** As {@link #start(BurnCloudConfig, Repositories, int)}, with {@code seams} replaced. */
    public static RouterServer start(BurnCloudConfig config, Repositories repos, int controlPlanePort, Seams seams)
            throws InterruptedException {
        return start(config, repos, controlPlanePort, null, seams);
    }

    /** The full form: relay secret (may be null) and seams. */
    public static RouterServer start(
            BurnCloudConfig config, Repositories repos, int controlPlanePort, String relaySecret, Seams seams)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        int threads = config.ioThreads() > 0
                ? config.ioThreads()
                : Runtime.getRuntime().availableProcessors();
        EventLoopGroup boss =
                new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());

        QuotaLedger ledger = new QuotaLedger();
        TokenCounter tokens = TokenCounter.standard();
        // this run's journal identity: a restarted router is a new instance and settles the old one's rows
        String instance = java.util.UUID.randomUUID().toString();
        InFlightRequests inFlightRequests = new InFlightRequests(instance, tokens);
        UsageRecorder recorder = new UsageRecorder(repos.usage(), ledger, instance, inFlightRequests);
        AbandonedRequests abandoned = new AbandonedRequests(
                repos.journal(),
                instance,
                journalStaleAfter(config),
                repos.database().kind() == DatabaseUrl.Kind.SQLITE);
        AtomicReference<RoutingSnapshot> snapshot = new AtomicReference<>(RoutingSnapshot.empty());
        StateSync stateSync = new StateSync(repos, config, ledger, recorder, abandoned, snapshot);
        AdmissionSharing sharing =
                AdmissionSharing.create(config, repos, instance, journalStaleAfter(config), stateSync);
        try {
            stateSync.start(config.snapshotRefresh(), config.logFlushInterval());
            sharing.start(stateSync);
            CircuitBreakers breakers = new CircuitBreakers(
                    config.circuitFailures(), config.circuitCooldown(), probeTimeout(config), seams.nanoClock());
            Settler settler = new Settler(
                    ledger, recorder, new PromptCounting(tokens, config.localCountBudget()), inFlightRequests);
            AtomicInteger inFlight = new AtomicInteger();
            io.netty.channel.group.ChannelGroup clients = new io.netty.channel.group.DefaultChannelGroup(
                    "clients", io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
            KeyLookup keyLookup = new KeyLookup(
                    hash -> repos.tokens().findByKeyHash(hash).isPresent(),
                    hash -> snapshot.get().tokensByHash().containsKey(hash),
                    stateSync::refreshNow,
                    seams.nanoClock(),
                    KeyLookup.Limits.STANDARD);
            UpstreamConnector connector = new UpstreamConnector(
                    epoll ? EpollSocketChannel.class : NioSocketChannel.class, config.upstreamConnectTimeout());
            Providers providers = Providers.standard();
            UpstreamRequests requests = new UpstreamRequests(providers, new UpstreamUrls());
            DataPlane plane = new DataPlane(
                    config,
                    snapshot::get,
                    new Gatekeeper(
                            new RateLimiter(seams.nanoClock()),
                            ledger,
                            tokens,
                            sharing.admission(),
                            config.admissionFailOpen()),
                    new UpstreamSelector(breakers),
                    breakers,
                    seams.translators(),
                    providers,
                    connector,
                    settler,
                    tokens,
                    stateSync::disableChannel,
                    inFlight,
                    controlPlanePort > 0
                            ? new LoopbackControlPlane(connector, controlPlanePort, config, relaySecret)
                            : null,
                    repos.database().kind().name().toLowerCase(java.util.Locale.ROOT),
                    requests,
                    keyLookup);
            Channel server = bind(
                    new ServerBootstrap()
                            .group(boss, workers)
                            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                            .option(ChannelOption.SO_BACKLOG, 1024)
                            .option(ChannelOption.SO_REUSEADDR, true)
                            .childOption(ChannelOption.TCP_NODELAY, true)
                            .childOption(
                                    ChannelOption.WRITE_BUFFER_WATER_MARK,
                                    new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                            .childHandler(new RouterChannelInitializer(plane, clients)),
                    config);
            AcceptorWatchdog.watch(server);
            log.info(
                    "data plane listening on {} ({} event loops, {})",
                    server.localAddress(),
                    threads,
                    epoll ? "epoll" : "nio");
            ChannelProbe probe = new ChannelProbe(
                    snapshot::get,
                    plane.translators(),
                    requests,
                    connector,
                    workers,
                    config.upstreamReadTimeout(),
                    tokens);
            return new RouterServer(
                    config, boss, workers, server, stateSync, ledger, settler, inFlight, snapshot, probe, clients,
                    keyLookup, sharing);
        } catch (InterruptedException | RuntimeException e) {
            stateSync.close();
            sharing.close();
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * How long a router's journal may go unrefreshed before another router settles its requests as
     * interrupted: ten flush intervals, at least 5 s (a live router rewrites it at every flush).
     */
    static Duration journalStaleAfter(BurnCloudConfig config) {
        Duration tenFlushes = config.logFlushInterval().multipliedBy(10);
        return tenFlushes.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : tenFlushes;
    }

    /**
     * How long a half-open probe may stay unresolved before its slot goes to the next request: a
     * connect and a read timeout, plus a margin (a probe normally ends long before).
     */
    private static Duration probeTimeout(BurnCloudConfig config) {
        return config.upstreamConnectTimeout()
                .plus(config.upstreamReadTimeout())
                .plusSeconds(1);
    }

    /** Binds, turning "address in use" and friends into a {@link java.net.BindException} the CLI reports. */
    private static Channel bind(ServerBootstrap bootstrap, BurnCloudConfig config) throws InterruptedException {
        io.netty.channel.ChannelFuture f = bootstrap
                .bind(new InetSocketAddress(config.host(), config.port()))
                .await();
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            java.net.BindException bind = new java.net.BindException(
                    config.host() + ":" + config.port() + ": " + String.valueOf(cause.getMessage()));
            bind.initCause(cause);
            throw new java.io.UncheckedIOException(bind);
        }
        return f.channel();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The listening channel (tests break its acceptor on purpose). */
    Channel listener() {
        return serverChannel;
    }

    public StateSync stateSync() {
        return stateSync;
    }

    public QuotaLedger ledger() {
        return ledger;
    }

    public RoutingSnapshot snapshot() {
        return snapshot.get();
    }

    @Override
    public java.util.concurrent.CompletableFuture<ChannelTestResult> testChannel(long channelId, String model) {
        // a channel added a moment ago may not be in the snapshot yet
        if (!snapshot.get().upstreams().containsKey(channelId)) {
            stateSync.refreshNow();
        }
        return probe.test(channelId, model);
    }

    /** Database lookups made for keys the snapshot did not know (tests). */
    long keyLookups() {
        return keyLookup.lookups();
    }

    @Override
    public void syncConfiguration() {
        stateSync.refreshNow();
    }

    @Override
    public int inFlight() {
        return inFlight.get() + settler.pendingCounts();
    }

    @Override
    public void addListener(RequestListener listener) {
        settler.addListener(listener);
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        Duration grace = config.shutdownGrace();
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            log.warn("shutting down with {} requests still in flight", inFlight.get());
        }
        // a finished response may still sit in a socket's outbound buffer: an empty write completes only
        // after everything written before it, so closing after it loses nothing
        long left = Math.max(0, deadline - System.nanoTime());
        clients.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                .awaitUninterruptibly(Math.max(1, left / 1_000_000));
        clients.close().awaitUninterruptibly(2_000);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        keyLookup.close();
        stateSync.close();
        sharing.close();
    }
}
