import shutil

import pytest

from tests.conftest import corpus_doc
from tests.prepare.workbooks import Book
from yusuan.prepare.fill import lines_from
from yusuan.prepare.template import write_template

PINGSHAN = "shenzhen-2023-pingshan-guanliju-budget.txt"


@pytest.fixture(scope="session")
def pingshan_master(tmp_path_factory):
    """The template for 2023, filled with the figures of the Shenzhen 坪山 budget; the narrative left blank."""
    doc = corpus_doc(PINGSHAN)
    path = tmp_path_factory.mktemp("master") / "坪山2023.xlsx"
    return write_template(path, 2023, "shenzhen", "budget", lines_from(doc, "shenzhen"))


@pytest.fixture
def pingshan_book(pingshan_master, tmp_path) -> Book:
    """A fresh copy of the filled workbook, to change and save."""
    path = tmp_path / "budget.xlsx"
    shutil.copy(pingshan_master, path)
    return Book(path)


def through_workbook(tmp_path, style: str, files: list[str]):
    """(the publication, the workbook filled with its figures in `style`)."""
    original = corpus_doc(*files)
    path = write_template(tmp_path / "b.xlsx", original.identity.year, style, original.identity.kind,
                          lines_from(original, style))
    return original, path
