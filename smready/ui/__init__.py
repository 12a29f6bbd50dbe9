"""The desktop app: the only package importing PySide6. Holds no business rules."""
