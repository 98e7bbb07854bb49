# Images of the belief network, built from this repository:
#   docker build --target job -t belief-network/job:0.1.0 .   the Flink job (application mode)
#   docker build --target cli -t belief-network/cli:0.1.0 .   bin/belief (simulated world, dashboard)
# docker-compose.yml builds both.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -DincludeScope=runtime \
  package dependency:copy-dependencies -pl flink-jobs,cli -am

# The job jar in Flink's usrlib, where application mode finds it. Flink's own image ships the
# RocksDB state backend in lib/ and the Prometheus reporter in plugins/.
FROM flink:2.2.0-scala_2.12-java17 AS job
# the folder compose mounts its checkpoint and savepoint volume on: a new volume takes its owner
RUN mkdir -p /flink-data && chown flink:flink /flink-data
COPY --from=build --chown=flink:flink /src/flink-jobs/target/flink-jobs-0.1.0-SNAPSHOT-job.jar \
  /opt/flink/usrlib/belief-job.jar

FROM eclipse-temurin:17.0.17_10-jre AS cli
WORKDIR /opt/belief
COPY --from=build /src/cli/target/belief-cli.jar /opt/belief/belief-cli.jar
COPY --from=build /src/cli/target/dependency /opt/belief/lib
ENTRYPOINT ["java", "-cp", "/opt/belief/belief-cli.jar:/opt/belief/lib/*", "io.beliefnet.cli.BeliefCli"]
