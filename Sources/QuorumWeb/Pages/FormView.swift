import Foundation
import QuorumDomain

/// A form laid out as the GOV.UK Design System lays one out: a summary of the errors at the top, each linking to its
/// field, then the fields, each with its label, an optional hint, its error beside it and the value the user typed.
/// Written by `Views/FormHTML.swift`. A form that changes anything is sent by POST and always carries the
/// CSRF token it is given; a form that only asks (search, filters) is sent by GET, changes nothing, and so needs
/// none, which keeps its page cacheable for everyone.
struct FormView: Sendable {
    let action: String
    let method: String
    let role: String?
    /// "filters": the fields side by side, as above a list.
    let formClass: String?
    let csrfToken: String?
    let fields: [FormField]
    let submit: String
    /// The fields with an error, in order, for the summary.
    let errorLinks: [ErrorLink]
    let hasErrors: Bool
    /// "multipart/form-data" for a form that sends a file.
    let enctype: String?

    struct ErrorLink: Sendable {
        let target: String
        let message: String
    }

    private init(action: String, method: String, role: String?, formClass: String?, csrfToken: String?, fields: [FormField], submit: String) {
        self.action = action
        self.method = method
        self.role = role
        self.formClass = formClass
        self.csrfToken = csrfToken
        self.fields = fields
        self.submit = submit
        errorLinks = fields.filter { !$0.isHidden }.compactMap { field in field.error.map { ErrorLink(target: field.firstInputID, message: $0) } }
        hasErrors = !errorLinks.isEmpty
        enctype = fields.contains(where: \.isFile) ? "multipart/form-data" : nil
    }

    /// A form that asks for something and changes nothing.
    static func get(_ action: String, role: String? = nil, formClass: String? = nil, fields: [FormField], submit: String) -> FormView {
        FormView(action: action, method: "get", role: role, formClass: formClass, csrfToken: nil, fields: fields, submit: submit)
    }

    /// A form that changes something: it cannot be made without the token that proves it came from this site.
    static func post(_ action: String, csrfToken: String, fields: [FormField], submit: String) -> FormView {
        FormView(action: action, method: "post", role: nil, formClass: nil, csrfToken: csrfToken, fields: fields, submit: submit)
    }
}

/// One question of a form: a text field, a text area, a date (day, month and year), a select, radios or a checkbox.
struct FormField: Sendable {
    enum Kind: Sendable { case text(type: String, width: Int?), textArea(rows: Int), date, select, radios, checkbox, file(accept: String), hidden }

    let id: String
    let name: String
    let label: String
    let hint: String?
    let error: String?
    /// What the user typed or chose, kept after an error.
    let value: String
    let options: [Option]
    let isText: Bool
    let isTextArea: Bool
    let isDate: Bool
    let isSelect: Bool
    let isRadios: Bool
    let isCheckbox: Bool
    /// A file to upload, of the types `accept` lists (".pdf,.docx,.odt").
    let isFile: Bool
    let accept: String?
    /// Carried with the form, not asked (where to go after signing in).
    let isHidden: Bool
    /// "text", "search", "email", "tel", "number".
    let inputType: String
    let size: Int?
    let rows: Int
    /// The date's parts, for `.date`: day, month and year, each with what was typed.
    let dateParts: [DatePart]
    let isChecked: Bool
    /// "q-hint q-error": what a screen reader reads after the label.
    let describedBy: String?
    let inputmode: String?
    /// What the browser may fill it with ("name", "email", "address-level2"): WCAG's identify input purpose.
    let autocomplete: String?

    struct Option: Sendable {
        let id: String
        let value: String
        let label: String
        let isSelected: Bool
    }

    struct DatePart: Sendable {
        let id: String
        let name: String
        let label: String
        let value: String
        let size: Int
    }

    /// The element the error summary links to: the field itself, or the first of its parts or options.
    var firstInputID: String {
        if isDate { return dateParts.first?.id ?? id }
        if isRadios { return options.first?.id ?? id }
        return id
    }

    /// `value` is what was typed; for `.date`, "yyyy-mm-dd" or the parts as typed, "d/m/y"; for `.checkbox`, non-empty
    /// when ticked. `options` are (value, label) for a select or radios, with the one matching `value` chosen.
    init(
        _ kind: Kind, name: String, label: String, hint: String? = nil, error: String? = nil, value: String = "", options: [(String, String)] = [],
        inputmode: String? = nil, autocomplete: String? = nil
    ) {
        self.autocomplete = autocomplete
        id = name
        self.name = name
        self.label = label
        self.hint = hint
        self.error = error
        self.value = value
        self.inputmode = inputmode
        self.options = options.enumerated().map { index, option in
            Option(id: index == 0 ? name : "\(name)-\(index + 1)", value: option.0, label: option.1, isSelected: option.0 == value)
        }
        var type = "text"
        var width: Int?
        var rows = 5
        var flags = (text: false, textArea: false, date: false, select: false, radios: false, checkbox: false)
        var hidden = false
        var file: String?
        switch kind {
        case .text(let t, let w):
            flags.text = true
            type = t
            width = w
        case .textArea(let r):
            flags.textArea = true
            rows = r
        case .date: flags.date = true
        case .select: flags.select = true
        case .radios: flags.radios = true
        case .checkbox: flags.checkbox = true
        case .file(let types): file = types
        case .hidden: hidden = true
        }
        isFile = file != nil
        accept = file
        isHidden = hidden
        (isText, isTextArea, isDate, isSelect, isRadios, isCheckbox) = flags
        inputType = type
        size = width
        self.rows = rows
        isChecked = flags.checkbox && !value.isEmpty
        let parts = Self.dateParts(value)
        dateParts =
            flags.date
            ? [
                DatePart(id: "\(name)-day", name: "\(name)-day", label: "Day", value: parts.day, size: 2),
                DatePart(id: "\(name)-month", name: "\(name)-month", label: "Month", value: parts.month, size: 2),
                DatePart(id: "\(name)-year", name: "\(name)-year", label: "Year", value: parts.year, size: 4),
            ] : []
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }

    /// "2025-03-18" or "18/3/2025" (as a date's parts are sent back after an error) → day, month and year as typed.
    private static func dateParts(_ value: String) -> (day: String, month: String, year: String) {
        let iso = value.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4 { return (String(iso[2]), String(iso[1]), String(iso[0])) }
        let typed = value.split(separator: "/", omittingEmptySubsequences: false)
        if typed.count == 3 { return (String(typed[0]), String(typed[1]), String(typed[2])) }
        return ("", "", "")
    }
}

/// A date typed as day, month and year, read as the GOV.UK Design System asks: each problem named in words.
enum DateEntry {
    /// The three boxes of date field `name` as they were typed, for a form that comes back: "d/m/y".
    static func typed(_ name: String, in values: [String: String]) -> String {
        ["day", "month", "year"].map { values["\(name)-\($0)"] ?? "" }.joined(separator: "/")
    }

    enum Problem: Error {
        case missing
        case missingPart(String)
        case notReal

        /// The message for a date field labelled `what` ("The date the response was received").
        func message(for what: String) -> String {
            switch self {
            case .missing: "Enter \(what.prefix(1).lowercased() + what.dropFirst())"
            case .missingPart(let part): "\(what) must include a \(part)"
            case .notReal: "\(what) must be a real date"
            }
        }
    }

    static func day(day: String, month: String, year: String) -> Result<CalendarDay, Problem> {
        let parts = [("day", day), ("month", month), ("year", year)].map { ($0.0, $0.1.trimmingCharacters(in: .whitespaces)) }
        if parts.allSatisfy({ $0.1.isEmpty }) { return .failure(.missing) }
        if let missing = parts.first(where: { $0.1.isEmpty }) { return .failure(.missingPart(missing.0)) }
        guard let d = Int(parts[0].1), let m = Int(parts[1].1), let y = Int(parts[2].1), parts[2].1.count == 4, (1...12).contains(m), d >= 1,
            d <= CalendarDay.daysIn(month: m, year: y)
        else { return .failure(.notReal) }
        return .success(CalendarDay(y, m, d))
    }
}
