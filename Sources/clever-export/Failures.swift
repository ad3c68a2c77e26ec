import ArgumentParser
import CleverExport
import Foundation

/// Exit codes a cron job can tell apart.
enum Exit {
    static let other: Int32 = 1
    static let configuration: Int32 = 2
    static let input: Int32 = 3
    static let validation: Int32 = 4
    static let changeGuard: Int32 = 5
    static let delivery: Int32 = 6
    /// EX_TEMPFAIL: another run holds the database; cron may simply try again later.
    static let locked: Int32 = 75
}

/// Runs `body`; a known failure becomes one `error:` line per problem on stderr and its exit
/// code, never a stack trace. `verbose` (-v) lists every finding of a held run.
func reportingFailures(verbose: Bool = false, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ValidationError {
        throw error
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ConfigurationError {
        fail(error.description, code: Exit.configuration)
    } catch let error as ImportError {
        fail(error.description + "\nNothing was exported: the last run's tables and files are unchanged; the run history records this failed run.", code: Exit.input)
    } catch let error as InputProblem {
        fail(error.description, code: Exit.input)
    } catch let error as DeliveryFailed {
        print(error.report.summary(verbose: verbose))
        fail(error.description, code: Exit.delivery)
    } catch let error as RunHeld {
        print(error.report.summary(verbose: verbose))
        fail(error.message(all: verbose), code: error.report.holdingErrors.isEmpty ? Exit.changeGuard : Exit.validation)
    } catch let error as RunLocked {
        fail(error.description, code: Exit.locked)
    } catch {
        fail("\(error)", code: Exit.other)
    }
}

private func fail(_ message: String, code: Int32) -> Never {
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
    }
    exit(code)
}
