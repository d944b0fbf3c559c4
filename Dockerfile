# BurnCloud: build the shaded jar, cut a Java runtime down to the modules it uses (jlink), and ship
# both on a slim base. docs/DEPLOYMENT.md explains the choices.
#   docker build -t burncloud .
#   docker run -p 3000:3000 -v burncloud-data:/data burncloud

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY . .
# the jar only (tests need PostgreSQL, Redis and a browser: they run in CI, not here)
RUN ./mvnw -B -q -pl cli -am package -DskipTests -Dspotless.check.skip=true
# the modules the gateway needs (jdeps cannot read the shaded jar's optional dependencies):
#   jdk.unsupported: Netty and the SIGTERM handler; jdk.crypto.ec: TLS to providers;
#   java.security.jgss / java.security.sasl: PostgreSQL authentication; jdk.management: metrics
RUN jlink \
      --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs \
      --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output /opt/jre

# ---- runtime ----------------------------------------------------------------------------------
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /data --create-home burncloud
COPY --from=build /opt/jre /opt/jre
COPY --from=build /src/dist/burncloud.jar /opt/burncloud/burncloud.jar
USER burncloud
WORKDIR /data
# SQLite file and key file in the volume by default; set DATABASE_URL for PostgreSQL
ENV DATABASE_URL=sqlite:/data/burncloud.db \
    HOST=0.0.0.0 \
    PORT=3000
EXPOSE 3000
VOLUME ["/data"]
# SIGTERM: stop accepting, finish requests in flight (SHUTDOWN_GRACE_MS), write the last settlements, exit 0
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/jre/bin/java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/burncloud/burncloud.jar"]
CMD ["router"]
