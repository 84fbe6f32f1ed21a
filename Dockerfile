# NVelopes' two images from one build, so both hosts share its restore and compile layers:
#   docker build --target silo .   a silo
#   docker build --target api .    the HTTP API (the default, as the last stage)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so the package layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Persistence.Sqlite/Persistence.Sqlite.csproj src/Persistence.Sqlite/
COPY src/Persistence.MongoDB/Persistence.MongoDB.csproj src/Persistence.MongoDB/
COPY src/Hosting/Hosting.csproj src/Hosting/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Web/Web.csproj src/Web/
COPY src/Api/Api.csproj src/Api/
RUN dotnet restore src/Silo/Silo.csproj && dotnet restore src/Api/Api.csproj
COPY src/ src/

FROM build AS publish-silo
RUN dotnet publish src/Silo/Silo.csproj --configuration Release --no-restore --output /app

FROM build AS publish-api
RUN dotnet publish src/Api/Api.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The image's unprivileged user.
USER $APP_UID

FROM runtime AS silo
COPY --from=publish-silo /app .
# Silo-to-silo and client gateway ports (Orleans:SiloPort, Orleans:GatewayPort).
EXPOSE 11111 30000
ENTRYPOINT ["dotnet", "NVelopes.Silo.dll"]

FROM runtime AS api
COPY --from=publish-api /app .
# The image listens on ASPNETCORE_HTTP_PORTS (8080).
EXPOSE 8080
ENTRYPOINT ["dotnet", "NVelopes.Api.dll"]
