import Foundation
import PackagePlugin

/// Compiles every file under sql/ into the library as a string constant, so the binary carries
/// its SQL with it; `--sql-dir` can still point a run at an edited copy.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sqlDir = context.package.directoryURL.appending(path: "sql")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        // The folders too: a file added to one changes the folder, which reruns the command
        // (the file list above is only read when the build is planned).
        var inputs: [URL] = [sqlDir]
        if let walker = FileManager.default.enumerator(at: sqlDir, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker
            where url.pathExtension == "sql" || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding sql/ into \(target.name)",
                executable: try context.tool(named: "embed-sql").url,
                arguments: [sqlDir.path, output.path],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
