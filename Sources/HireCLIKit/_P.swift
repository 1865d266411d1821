import ArgumentParser; import Feishu; public enum _P {}
