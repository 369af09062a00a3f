public import Foundation
public import QuorumDomain

/// Where the website listens, and how it behaves.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The site's public address for links in feeds and calendars ("https://meetings.example.gov.uk");
    /// when not set, the address the request came to is used.
    public var baseURL: String?
    /// The most memory rendered pages may be kept in, in megabytes; 0 turns the page cache off.
    public var pageCacheMegabytes: Int
    /// The host names the site answers to ("meetings.example.gov.uk"). Without a `baseURL`, a request's Host is used
    /// in links only when it is one of these, `localhost` or the listening address; any other Host gets the first.
    public var siteNames: [String]
    /// How long one search may run before it is stopped and the visitor asked to narrow it.
    public var searchTimeLimit: Duration
    /// How long any request may run before it is stopped with a 503: no page holds a database reader longer.
    public var pageTimeLimit: Duration
    /// A session unused for this long ends; the next page asks its owner to sign in again.
    public var sessionIdleTimeout: Duration
    /// bcrypt's cost for new passwords: each step doubles the work of checking one (12 takes about a quarter of a
    /// second here). Tests use the lowest.
    public var passwordCost: UInt8
    /// Failed sign-ins allowed per account and per address before sign-in is refused for a while.
    public var signInLimit: SignInLimit

    public init(
        host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil,
        pageCacheMegabytes: Int = 64, siteNames: [String] = [], searchTimeLimit: Duration = .seconds(2), pageTimeLimit: Duration = .seconds(10),
        sessionIdleTimeout: Duration = .seconds(2 * 3600), passwordCost: UInt8 = Passwords.standardCost, signInLimit: SignInLimit = SignInLimit()
    ) {
        self.sessionIdleTimeout = sessionIdleTimeout
        self.passwordCost = passwordCost
        self.signInLimit = signInLimit
        self.pageTimeLimit = pageTimeLimit
        self.searchTimeLimit = searchTimeLimit
        self.siteNames = siteNames
        self.pageCacheMegabytes = pageCacheMegabytes
        self.host = host
        self.port = port
        self.baseURL = baseURL
    }

    /// The site's address for links, given the Host a request came with: the configured address, or that Host when
    /// it is one of the site's names (with this server's port, or none), or else the first of those names.
    public func siteURL(requestHost: String?) -> String {
        if let baseURL { return baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL }
        let names = siteNames.map { $0.lowercased() } + ["localhost", host.lowercased()]
        if let requestHost {
            let lower = requestHost.lowercased()
            var name = lower
            var portText: Substring?
            if let colon = lower.lastIndex(of: ":"), !lower.hasSuffix("]") {
                name = String(lower[..<colon])
                portText = lower[lower.index(after: colon)...]
            }
            if names.contains(name), portText == nil || portText == "\(port)" { return "http://" + lower }
        }
        return "http://" + (siteNames.first ?? (host == "0.0.0.0" || host == "::" ? "localhost" : host)) + (siteNames.isEmpty ? ":\(port)" : "")
    }

    /// Whether the site is served over https, so that its cookies are marked Secure.
    public var isHTTPS: Bool { baseURL?.lowercased().hasPrefix("https://") ?? false }

    /// A file that ships with Quorum: the stylesheet, the OpenAPI document.
    static func asset(_ name: String) throws -> String {
        try String(contentsOfFile: Bundle.module.url(forResource: "Assets", withExtension: nil)!.path + "/" + name, encoding: .utf8)
    }
}
