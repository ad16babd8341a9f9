"""Share of public functions and methods that declare their return type.

    python tools/annotation_coverage.py [--list] [PACKAGE ...]   (default: toolkit reviews catalog)

Public: a module-level function or a method of a module-level class (nested classes included)
whose name does not start with an underscore; functions nested in functions and migrations are
not counted.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGES = ("toolkit", "reviews", "catalog")
FunctionDef = ast.FunctionDef | ast.AsyncFunctionDef


def public_functions(tree: ast.Module) -> Iterator[FunctionDef]:
    """Module-level functions and (nested) class methods whose names are public."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.ClassDef):
            stack.extend(node.body)
        elif isinstance(node, FunctionDef) and not node.name.startswith("_"):
            yield node


def python_files(packages: list[str]) -> Iterator[Path]:
    for package in packages:
        for path in sorted(Path(package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    packages = [arg for arg in argv if not arg.startswith("--")] or list(PACKAGES)
    total = annotated = 0
    for path in python_files(packages):
        for node in public_functions(ast.parse(path.read_text(), str(path))):
            total += 1
            if node.returns is not None:
                annotated += 1
            elif listing:
                print(f"{path}:{node.lineno}: {node.name}")
    share = 100 * annotated / total if total else 100.0
    print(f"{annotated}/{total} public functions annotate their return type ({share:.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
