/// A typed identifier: a `Meeting.ID` cannot be passed where a `Committee.ID` is wanted.
///
/// Identifiers are stable, readable strings (for example `herefordshire/cyp-scrutiny/2025-03-18`)
/// so that the same committee or meeting imported twice, or published through the API, keeps one address.
public struct Identifier<Owner>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// An identifier nested under another, as `parent/child`.
    public init<Parent>(under parent: Identifier<Parent>, _ component: String) {
        self.rawValue = parent.rawValue + "/" + component
    }
}

/// `slugged(text)` cut to at most `limit` characters at a word's end, never in the middle of one:
/// "…-children-s-services-in" rather than "…-children-s-services-in--1".
public func slugged(_ text: String, limit: Int) -> String {
    let slug = slugged(text)
    guard slug.count > limit else { return slug }
    let head = slug.prefix(limit + 1)
    guard let cut = head.lastIndex(of: "-") else { return String(slug.prefix(limit)) }
    return String(head[..<cut])
}

/// Turns a name into the lower-case, hyphenated form used in identifiers and addresses:
/// "Children and Young People Scrutiny Committee" becomes `children-and-young-people-scrutiny-committee`.
public func slugged(_ text: String) -> String {
    var result = ""
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            if pendingHyphen && !result.isEmpty { result.append("-") }
            pendingHyphen = false
            result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        } else if scalar != "'" && scalar != "\u{2019}" {
            pendingHyphen = true
        }
    }
    return result
}

/// A set of identifiers that encodes in order, so that a record holding one encodes to the same bytes every time (the
/// edit version of an agenda or minutes is a fingerprint of that encoding). Encoded as a plain array, as a `Set` is.
@propertyWrapper
public struct InOrder<Owner>: Hashable, Sendable, Codable {
    public var wrappedValue: Set<Identifier<Owner>>
    public init(wrappedValue: Set<Identifier<Owner>>) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws { wrappedValue = try Set<Identifier<Owner>>(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try wrappedValue.sorted().encode(to: encoder) }
}
