import QuorumDomain
public import QuorumStorage

// Days and times are stored as ISO text ("2025-03-18", "14:00"), which sorts and compares correctly in SQL.

extension Optional where Wrapped == CalendarDay {
    var iso: String? { self?.iso }
}

func day(_ text: String?, table: String, id: String) throws -> CalendarDay? {
    guard let text else { return nil }
    guard let day = CalendarDay(iso: text) else { throw StoreError.corruptRow(table: table, id: id, reason: "‘\(text)’ is not a date") }
    return day
}

func requiredDay(_ text: String, table: String, id: String) throws -> CalendarDay {
    guard let day = CalendarDay(iso: text) else { throw StoreError.corruptRow(table: table, id: id, reason: "‘\(text)’ is not a date") }
    return day
}

func time(_ text: String?, table: String, id: String) throws -> TimeOfDay? {
    guard let text else { return nil }
    guard let time = TimeOfDay(iso: text) else { throw StoreError.corruptRow(table: table, id: id, reason: "‘\(text)’ is not a time") }
    return time
}

/// The access stored as a flag and an optional paragraph. A paragraph without the flag is read as exempt: a row
/// that says anything of an exemption is never read as open.
func access(_ isExempt: Bool, _ paragraph: Int?, table: String, id: String) throws -> Access {
    guard let paragraph else { return isExempt ? .exempt(paragraph: nil) : .open }
    guard let value = Schedule12A(rawValue: paragraph) else {
        throw StoreError.corruptRow(table: table, id: id, reason: "\(paragraph) is not a paragraph of Schedule 12A")
    }
    return .exempt(paragraph: value)
}

func decoded<Value: RawRepresentable>(_ raw: Value.RawValue, as: Value.Type, table: String, id: String) throws -> Value {
    guard let value = Value(rawValue: raw) else { throw StoreError.corruptRow(table: table, id: id, reason: "unknown value ‘\(raw)’") }
    return value
}
