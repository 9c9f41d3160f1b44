#!/usr/bin/env bash
# Downloads Orleans' own PostgreSQL schema scripts (membership + grain storage) for the Orleans version the product uses,
# into deploy/postgres/init/, which docker-compose mounts as the database's init folder. Run once before `docker compose up`.
set -euo pipefail
cd "$(dirname "$0")"
version=${ORLEANS_VERSION:-10.4.2}
base="https://raw.githubusercontent.com/dotnet/orleans/v${version}/src/AdoNet"
mkdir -p init
curl -fsSL "$base/Shared/PostgreSQL-Main.sql"                         -o init/01-main.sql
curl -fsSL "$base/Orleans.Clustering.AdoNet/PostgreSQL-Clustering.sql"  -o init/02-clustering.sql
curl -fsSL "$base/Orleans.Persistence.AdoNet/PostgreSQL-Persistence.sql" -o init/03-persistence.sql
echo "Orleans ${version} PostgreSQL scripts are in $(pwd)/init"
