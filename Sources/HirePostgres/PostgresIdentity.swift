import FeishuWire
import HireCore
import PostgresNIO

/// SQL pieces resolving user IDs inside one ``IdentityView``. Each is a fixed text
/// for the view's type with the IDs bound as parameters.
extension PostgresQuery.StringInterpolation {
    /// A query of the `users` row (`id`, `user_id`) that `externalID` names in `view`.
    mutating func appendInterpolation(userOf externalID: String, in view: IdentityView) {
        switch view.type {
        case .userID:
            appendLiteral("SELECT id, user_id FROM users WHERE tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND user_id = ")
            appendInterpolation(externalID)
        case .peopleAdminID:
            appendLiteral("SELECT id, user_id FROM users WHERE tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND people_admin_id = ")
            appendInterpolation(externalID)
        case .openID, .unionID:
            appendLiteral("SELECT u.id, u.user_id FROM user_ids x JOIN users u ON u.id = x.user_row WHERE x.tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND x.id_type = ")
            appendInterpolation(view.type.rawValue)
            appendLiteral(" AND x.namespace = ")
            appendInterpolation(view.namespace)
            appendLiteral(" AND x.external_id = ")
            appendInterpolation(externalID)
        }
    }

    /// A query of the `users` rows (`id`) that any of `externalIDs` names in `view`.
    mutating func appendInterpolation(usersOf externalIDs: [String], in view: IdentityView) {
        switch view.type {
        case .userID:
            appendLiteral("SELECT id FROM users WHERE tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND user_id = ANY(")
            appendInterpolation(externalIDs)
            appendLiteral(")")
        case .peopleAdminID:
            appendLiteral("SELECT id FROM users WHERE tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND people_admin_id = ANY(")
            appendInterpolation(externalIDs)
            appendLiteral(")")
        case .openID, .unionID:
            appendLiteral("SELECT user_row AS id FROM user_ids WHERE tenant_key = ")
            appendInterpolation(view.tenantKey)
            appendLiteral(" AND id_type = ")
            appendInterpolation(view.type.rawValue)
            appendLiteral(" AND namespace = ")
            appendInterpolation(view.namespace)
            appendLiteral(" AND external_id = ANY(")
            appendInterpolation(externalIDs)
            appendLiteral(")")
        }
    }

    /// An expression of the ID, in `view`, of the `users` row aliased `alias` (NULL if it has none).
    mutating func appendInterpolation(idOf alias: UserAlias, in view: IdentityView) {
        switch view.type {
        case .userID:
            appendLiteral("\(alias.rawValue).user_id")
        case .peopleAdminID:
            appendLiteral("\(alias.rawValue).people_admin_id")
        case .openID, .unionID:
            appendLiteral("(SELECT external_id FROM user_ids WHERE user_row = \(alias.rawValue).id AND id_type = ")
            appendInterpolation(view.type.rawValue)
            appendLiteral(" AND namespace = ")
            appendInterpolation(view.namespace)
            appendLiteral(")")
        }
    }
}

/// The table aliases a user-ID expression may refer to: fixed names, never input.
enum UserAlias: String {
    case user = "u"
    case creator = "c"
    case contact = "k"
    case interviewer = "v"
}
