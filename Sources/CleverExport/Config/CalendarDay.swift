/// `text` as YYYY-MM-DD when it names a real calendar day (month 1–12, the month's own number of
/// days, February 29 only in a leap year), written with or without leading zeros; nil otherwise.
/// The as-of date decides which enrollments count, so 2026-02-30 must not pass as one.
public func calendarDay(_ text: String) -> String? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4,
        parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
        (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    return String(format: "%04d-%02d-%02d", year, month, day)
}

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}
