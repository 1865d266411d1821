import PostgresNIO; import HireStore; public enum _P {}
