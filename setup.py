"""The wheel's build step: copy the shipped files (ontology, saved queries, curated
registry, published graph) from where they are edited into ``kg/shipped/``.

Which files go where is :data:`kg.workspace.SHIPPED`, read (as a literal, without
importing the package) from that module's source, so the mapping is written once.  Editable
installs skip the copy: there the package reads the repository's own files.
"""
import ast
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def shipped_mapping() -> dict:
    tree = ast.parse((HERE / "kg" / "workspace.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SHIPPED" for t in node.targets):
            return ast.literal_eval(node.value)
    raise RuntimeError("kg/workspace.py defines no SHIPPED mapping")


class BuildWithShippedFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "kg" / "shipped"
        for name, source in shipped_mapping().items():
            src, dst = HERE / source, target / name
            if src.is_dir():
                shutil.copytree(src, dst, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", ".*"))
            else:
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)


setup(cmdclass={"build_py": BuildWithShippedFiles})
