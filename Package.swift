// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "clever-export",
    products: [
        .executable(name: "clever-export", targets: ["clever-export"]),
        .library(name: "CleverExport", targets: ["CleverExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite",
            pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibSSH2", path: "Sources/CLibSSH2",
            pkgConfig: "libssh2", providers: [.apt(["libssh2-1-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl",
            pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib",
            pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Turns sql/ into Swift string constants so the binary carries its SQL with it.
        .executableTarget(name: "embed-sql", path: "Sources/embed-sql"),
        .plugin(
            name: "EmbedSQL", capability: .buildTool(),
            dependencies: ["embed-sql"], path: "Sources/EmbedSQLPlugin"),
        .target(
            name: "CleverExport",
            dependencies: ["CSQLite", "CLibSSH2", "CCurl", "CZlib", .product(name: "TOMLKit", package: "TOMLKit")],
            plugins: ["EmbedSQL"]),
        .executableTarget(
            name: "clever-export",
            dependencies: [
                "CleverExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "CleverExportTests", dependencies: ["CleverExport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["clever-export"]),
        // Starts sshd and an SMTP server on 127.0.0.1; scripts/test-servers/install.sh installs them.
        .testTarget(name: "DeliveryTests", dependencies: ["CleverExport", "clever-export"]),
    ]
)
