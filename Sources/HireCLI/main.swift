import HireCLIKit; print("x")
