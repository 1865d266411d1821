import FeishuWire

/// The caller of a resource endpoint: the app its tenant token was issued to.
package struct Principal: Sendable, Hashable {
    package let tenantKey: String
    package let appID: String
    /// Apps of one developer share union_ids.
    package let developer: String
    package let scopes: Set<Scope>

    package init(tenantKey: String, appID: String, developer: String, scopes: Set<Scope>) {
        self.tenantKey = tenantKey
        self.appID = appID
        self.developer = developer
        self.scopes = scopes
    }

    /// Refuses the call unless the app holds one of the endpoint's scopes.
    package func authorize(_ endpoint: Endpoint) throws(APIError) {
        guard endpoint.scopes.isEmpty || endpoint.scopes.contains(where: scopes.contains) else {
            throw .scopeRequired(anyOf: endpoint.scopes)
        }
    }

    /// The ID space a request of this app uses for `user_id_type`, after checking
    /// the endpoint accepts the type and the app may see it.
    ///
    /// - Parameter rawType: the `user_id_type` query value, `nil` when absent.
    package func identityView(userIDType rawType: String?, at endpoint: Endpoint) throws(APIError) -> IdentityView {
        let accepted = endpoint.userIDTypes
        guard let type = rawType.map(UserIDType.init(rawValue:)) ?? .default, accepted.contains(type) else {
            throw .invalidParameter(
                "user_id_type", "must be one of " + accepted.map(\.rawValue).joined(separator: ", "),
                value: rawType)
        }
        if type == .userID, !scopes.contains(.contactUserEmployeeIDReadonly) {
            throw .fieldScopeRequired(.contactUserEmployeeIDReadonly)
        }
        return IdentityView(tenantKey: tenantKey, type: type, namespace: namespace(of: type))
    }

    private func namespace(of type: UserIDType) -> String {
        switch type {
        case .openID: appID
        case .unionID: developer
        case .userID, .peopleAdminID: ""
        }
    }
}

/// One ID space of a tenant's users: which ID type, seen by which app or developer.
///
/// Every user ID in a request is resolved inside exactly one view; another app's
/// open_id or another tenant's user is unknown there.
package struct IdentityView: Sendable, Hashable {
    package let tenantKey: String
    package let type: UserIDType
    /// The app (open_id) or developer (union_id) the IDs belong to; empty for the tenant-wide types.
    package let namespace: String

    package init(tenantKey: String, type: UserIDType, namespace: String) {
        self.tenantKey = tenantKey
        self.type = type
        self.namespace = namespace
    }
}
