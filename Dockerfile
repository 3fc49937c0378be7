# Lede — multi-stage build: compile with the Swift toolchain image, run on a slim Debian as a non-root user.
#   docker build -t lede .
#   docker run --rm -p 8080:8080 lede            # serves on :8080 (LEDE_HOST=0.0.0.0 inside the container)

FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4-openssl-dev libxml2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so source edits do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product lede --static-swift-stdlib \
 && mkdir -p /out \
 && cp "$(swift build -c release --show-bin-path)/lede" /out/ \
 && cp -R "$(swift build -c release --show-bin-path)"/*.resources /out/

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4 libxml2 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin lede
# The model bundles must sit beside the binary: Bundle.module looks there.
COPY --from=build /out/ /usr/local/lib/lede/
COPY config/lede.json /etc/lede/lede.json
RUN ln -s /usr/local/lib/lede/lede /usr/local/bin/lede
USER 10001
ENV LEDE_HOST=0.0.0.0 LEDE_PORT=8080
EXPOSE 8080
# SIGTERM drains: in-flight requests finish within server.drain_timeout_ms, then the process exits 0.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 CMD ["lede", "healthcheck"]
ENTRYPOINT ["lede"]
CMD ["serve"]
