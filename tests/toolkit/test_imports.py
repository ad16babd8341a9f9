"""Modules that a management command or a script imports first must load on their own."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["toolkit.api", "toolkit.demo"])
def test_a_module_that_reads_drf_settings_imports_before_drfs_views(module):
    code = f"import django; django.setup(); import {module}"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed module list
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
