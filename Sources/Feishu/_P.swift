import AsyncHTTPClient; import FeishuWire; public enum _P {}
