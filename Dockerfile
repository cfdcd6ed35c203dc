# syntax=docker/dockerfile:1
# Portcullis: build with Maven on a JDK, run on a JRE as a non-root user.
#   docker build -t portcullis .
#   docker run -p 8080:8080 -e PORTCULLIS_PROFILE=dev -e SERVER_HOST=0.0.0.0 portcullis
# Management commands run in the same image: docker run --rm -e ... portcullis client list
# or, in a running container, through the launcher on the PATH: docker exec <container> portcullis keys list

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
# dependencies first, so that a source change does not download them again
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapters-memory/pom.xml adapters-memory/
COPY adapters-crypto/pom.xml adapters-crypto/
COPY adapters-jose/pom.xml adapters-jose/
COPY adapters-mongo/pom.xml adapters-mongo/
COPY adapters-redis/pom.xml adapters-redis/
COPY adapters-http/pom.xml adapters-http/
COPY bootstrap/pom.xml bootstrap/
RUN mvn -q -B -pl bootstrap -am dependency:go-offline -DexcludeGroupIds=dev.portcullis || true
COPY . .
RUN mvn -q -B -pl bootstrap -am package -DskipTests -DskipITs

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 portcullis \
 && useradd --system --uid 10001 --gid portcullis --home-dir /app --shell /usr/sbin/nologin portcullis
WORKDIR /app
COPY --from=build /src/bootstrap/target/libs/ /app/libs/
COPY --from=build /src/bootstrap/target/portcullis.jar /app/portcullis.jar
COPY jvm.options /app/jvm.options
# the launcher (bootstrap/src/main/dist/portcullis): finds the image's Java and runs the jar beside it
COPY --from=build --chmod=755 /src/bootstrap/target/portcullis /app/portcullis
RUN ln -s /app/portcullis /usr/local/bin/portcullis
USER 10001:10001
ENV SERVER_HOST=0.0.0.0 \
    SERVER_PORT=8080 \
    PORTCULLIS_PROFILE=prod \
    LOGGING_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["java", "@jvm.options", "-jar", "/app/portcullis.jar"]
# no arguments: serve
CMD []
