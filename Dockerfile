# Builds the product image: one image, two entry points (api = whole product, silo = standalone silo host).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish api/AltseasonLive.Api.csproj -c Release -o /out/api \
 && dotnet publish silo/AltseasonLive.Silo.csproj -c Release -o /out/silo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out /app
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "/app/api/AltseasonLive.Api.dll"]
