"""`yusuan db`: import a publication (a new version each time it changes), create users, reset a password."""

from __future__ import annotations

from click.testing import CliRunner

from tests.web.conftest import CORPUS
from yusuan.cli.main import main


def test_db_import_create_user_and_set_password(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    run = CliRunner().invoke
    text, tables = (CORPUS / f"jiangsu-2019-zhengxie-bangongting-budget-{p}.pdf" for p in ("text", "tables"))
    r = run(main, ["db", "import", str(text), str(tables), "--publish", "--db", db])
    assert r.exit_code == 2 and "数据库不存在" in r.output  # import never creates a database
    assert run(main, ["db", "init", "--db", db]).exit_code == 0
    r = run(main, ["db", "import", str(text), str(tables), "--publish", "--db", db])
    assert r.exit_code == 0, r.output
    assert "江苏省政协办公厅 2019 年，第 1 版" in r.output
    again = run(main, ["db", "import", str(text), str(tables), "--db", db])
    assert again.exit_code == 1 and "完全相同" in again.output and "内部错误" not in again.output
    bad = tmp_path / "空.pdf"
    bad.write_bytes(b"")
    r = run(main, ["db", "import", str(bad), "--db", db])
    assert r.exit_code == 2 and "文件是空的" in r.output
    r = run(main, ["db", "create-user", "审核人", "--role", "reviewer", "--body", "江苏省政协办公厅", "--db", db])
    assert r.exit_code == 0 and "初始密码" in r.output, r.output
    r = run(main, ["db", "create-user", "谁", "--role", "editor", "--body", "不存在的单位", "--db", db])
    assert r.exit_code != 0 and "没有名为" in r.output
    r = run(main, ["db", "set-password", "审核人", "--db", db])
    password = r.output.split("新密码：", 1)[1].split("（", 1)[0]
    from yusuan.store import Store
    from yusuan.store.accounts import login

    store = Store(db)
    with store.session() as s:
        user, _, _ = login(s, "审核人", password)
        assert user.role == "reviewer" and user.body.name == "江苏省政协办公厅"
    store.dispose()


def test_serve_refuses_a_trusted_proxy_that_is_no_address(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--trusted-proxy", "10.0.0.0/8",
                                  "--trusted-proxy", "proxy.example"])
    assert r.exit_code == 1 and "--trusted-proxy 应为 IP 地址或网段" in r.output and "proxy.example" in r.output


def test_db_create_user_knows_every_role_and_the_finance_bureau_needs_no_body(tmp_path):
    import click

    from yusuan.cli.serve import create_user
    from yusuan.store import Store
    from yusuan.store import models as m

    role = next(p for p in create_user.params if p.name == "role")
    assert isinstance(role.type, click.Choice) and tuple(role.type.choices) == m.ROLES
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    run = CliRunner().invoke
    assert run(main, ["db", "init", "--db", db]).exit_code == 0
    r = run(main, ["db", "create-user", "财政局", "--role", "finance", "--db", db])
    assert r.exit_code == 0 and "初始密码" in r.output, r.output
    store = Store(db)
    with store.session() as s:
        from sqlalchemy import select

        user = s.scalar(select(m.User).where(m.User.username == "财政局"))
        assert (user.role, user.body_id) == ("finance", None)
    store.dispose()
