import Crypto
public import Foundation

extension Data {
    /// The SHA-256 of these bytes in lower-case hexadecimal: what an uploaded paper is named and checked by.
    public var sha256Hex: String { SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined() }
}
