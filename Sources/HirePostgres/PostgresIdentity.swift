/// SQL pieces resolving user IDs inside one ``IdentityView``, for the prepared statements.
///
/// A prepared statement has one text whatever the view, so the ID type is a parameter:
/// each alternative is gated on it (`$type = 'user_id' AND …`), and PostgreSQL's plan
/// runs only the alternative whose gate holds. The arguments are the placeholders
/// (`$1`, …) of the statement's parameters: fixed text, never input.
enum IdentitySQL {
    /// The `users` row (`id`, `user_id`) that the ID `externalID` names in the view.
    static func userOf(externalID: String, tenant: String, type: String, namespace: String) -> String {
        """
        SELECT id, user_id FROM users
            WHERE \(type)::text = 'user_id' AND tenant_key = \(tenant)::text AND user_id = \(externalID)::text
        UNION ALL
        SELECT id, user_id FROM users
            WHERE \(type)::text = 'people_admin_id' AND tenant_key = \(tenant)::text
                AND people_admin_id = \(externalID)::text
        UNION ALL
        SELECT u.id, u.user_id FROM user_ids x JOIN users u ON u.id = x.user_row
            WHERE \(type)::text IN ('open_id', 'union_id') AND x.tenant_key = \(tenant)::text
                AND x.id_type = \(type)::text AND x.namespace = \(namespace)::text AND x.external_id = \(externalID)::text
        """
    }

    /// The `users` rows (`id`) that any ID of the text array `externalIDs` names in the view.
    static func usersOf(externalIDs: String, tenant: String, type: String, namespace: String) -> String {
        """
        SELECT id FROM users
            WHERE \(type)::text = 'user_id' AND tenant_key = \(tenant)::text AND user_id = ANY(\(externalIDs)::text[])
        UNION ALL
        SELECT id FROM users
            WHERE \(type)::text = 'people_admin_id' AND tenant_key = \(tenant)::text
                AND people_admin_id = ANY(\(externalIDs)::text[])
        UNION ALL
        SELECT user_row FROM user_ids
            WHERE \(type)::text IN ('open_id', 'union_id') AND tenant_key = \(tenant)::text
                AND id_type = \(type)::text AND namespace = \(namespace)::text
                AND external_id = ANY(\(externalIDs)::text[])
        """
    }

    /// The ID, in the view, of the `users` row aliased `alias` (NULL if it has none).
    static func idOf(_ alias: UserAlias, type: String, namespace: String) -> String {
        let row = alias.rawValue
        return """
            CASE \(type)::text WHEN 'user_id' THEN \(row).user_id WHEN 'people_admin_id' THEN \(row).people_admin_id
                ELSE (SELECT external_id FROM user_ids
                    WHERE user_row = \(row).id AND id_type = \(type)::text AND namespace = \(namespace)::text) END
            """
    }
}

/// The table aliases a user-ID expression may refer to: fixed names, never input.
enum UserAlias: String {
    case user = "u"
    case creator = "c"
    case contact = "k"
    case interviewer = "v"
}
