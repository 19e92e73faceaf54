"""The format registry reads the entry points as importlib.metadata does, without importing it."""

import importlib.metadata
import subprocess
import sys

import pytest

from yusuan.model.formats import entry_points, readers, writers


@pytest.mark.parametrize("group", ["yusuan.readers", "yusuan.writers", "console_scripts", "pytest11"])
def test_the_entry_points_are_those_importlib_metadata_finds(group):
    theirs = [(ep.name, ep.value.split("[", 1)[0].strip()) for ep in importlib.metadata.entry_points(group=group)]
    assert sorted(entry_points(group)) == sorted(theirs)  # (the order of distributions is the file system's)
    if group.startswith("yusuan."):
        assert theirs  # yusuan's own formats are there to be found


def test_every_format_resolves_to_its_registration_object():
    assert [r.name for r in readers()][0] == "pdf" and "text" in {r.name for r in readers()}
    assert set(writers()) == {"pdf", "docx", "xlsx", "html"}


def test_reading_the_registry_does_not_import_importlib_metadata():
    code = "import sys; from yusuan.model.formats import readers; readers(); print('importlib.metadata' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("asked, name", [("pdf", "pdf"), (".PDF", "pdf"), (".htm", "html"), ("docx", "docx"),
                                         (".odt", None)])
def test_a_writer_is_found_by_name_suffix_or_alias(asked, name):
    from yusuan.model.formats import writer_for

    assert getattr(writer_for(asked), "name", None) == name


def test_finding_the_pdf_writer_imports_no_other_writer():
    code = ("import sys; from yusuan.model.formats import writer_for; writer_for('.pdf').load(); "
            "print(sorted(m for m in ('yusuan.render.docx', 'yusuan.render.xlsx', 'yusuan.render.html', 'docx', "
            "'xlsxwriter', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
