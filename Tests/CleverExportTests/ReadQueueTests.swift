import Foundation
import XCTest

@testable import CleverExport

final class ReadQueueTests: XCTestCase {
    func job(_ kind: String, _ name: String, then: [ReadQueue.Job] = []) -> ReadQueue.Job {
        ReadQueue.Job(kind: kind, name: name, needs: [], run: { _ in }, then: then)
    }

    /// The longest first, counting the jobs one queues after it; the jobs never timed (a new
    /// check, or the first run) after them in their order.
    func testLongestFirstByTheLastRunsTimes() {
        let jobs = [
            job("file", "students.csv", then: [job("compare", "students.csv")]),
            job("check", "check_new"),
            job("check", "check_references"),
            job("file", "enrollments.csv"),
            job("check", "check_other_new"),
        ]
        let seconds = ["file students.csv": 5.0, "compare students.csv": 1.5, "check check_references": 6, "file enrollments.csv": 6.2]
        XCTAssertEqual(ReadQueue.longestFirst(jobs, seconds: seconds).map(\.name),
                       ["students.csv", "enrollments.csv", "check_references", "check_new", "check_other_new"])
        XCTAssertEqual(ReadQueue.longestFirst(jobs, seconds: [:]).map(\.name), jobs.map(\.name))
    }
}
