public import Foundation
public import Hummingbird
public import Logging
public import QuorumDomain
public import QuorumStorage

/// Builds the website, feeds and API on `store`. Everything it needs is passed in; it reads no globals.
public func buildApplication(
    _ configuration: WebConfiguration, store: any QuorumStore, today: @escaping @Sendable () -> Date = { Date() }, logger: Logger
) async throws -> some ApplicationProtocol {
    let templates = try await Templates(directory: configuration.templatesDirectory)
    let router = Router(context: QuorumRequestContext.self)
    router.addMiddleware {
        HeadMiddleware()
        SecurityHeadersMiddleware()
        ErrorPageMiddleware(templates: templates, logger: logger)
        PageCacheMiddleware(cache: PageCache(capacityBytes: configuration.pageCacheMegabytes << 20), store: store, today: today, site: configuration)
    }
    router.page("/health") { _, _ in HealthStatus(status: "ok") }
    HomeRoutes(store: store, templates: templates, today: today).addRoutes(to: router)
    CommitteeRoutes(store: store, templates: templates, today: today).addRoutes(to: router)
    PeopleRoutes(store: store, templates: templates).addRoutes(to: router)
    RecommendationRoutes(store: store, templates: templates, today: today).addRoutes(to: router)
    WorkProgrammeRoutes(store: store, templates: templates).addRoutes(to: router)
    SearchRoutes(store: store, templates: templates, budget: TimeBudget(limit: configuration.searchTimeLimit)).addRoutes(to: router)
    FeedRoutes(store: store, today: today, site: configuration).addRoutes(to: router)
    let openAPI = try String(contentsOfFile: configuration.templatesDirectory + "/openapi.json", encoding: .utf8)
    ApiRoutes(store: store, today: today, openAPIDocument: openAPI).addRoutes(to: router)
    let address = BindAddress.hostname(configuration.host, port: configuration.port)
    return Application(router: router, configuration: .init(address: address, serverName: "Quorum"), logger: logger)
}

/// The answer /health gives a load balancer or a monitor.
struct HealthStatus: ResponseEncodable {
    let status: String
}

/// What every request carries through the router.
public struct QuorumRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public init(source: ApplicationRequestContextSource) { self.coreContext = .init(source: source) }
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
}
