"""Review comments on a disclosure (optionally on one table, row, cell, finding or page)."""

from fastapi import APIRouter, Depends, HTTPException

from yusuan.store import access, queries, repository
from yusuan.store.queries import Forbidden
from yusuan.store.repository import Target
from yusuan.web.deps import Caller, get_caller, get_store, load_user, require_user_csrf
from yusuan.web.schemas import CommentIn, CommentList, CommentOut

router = APIRouter(tags=["审核意见"])


@router.get("/api/disclosures/{disclosure_id}/comments", response_model=CommentList,
            summary="审核意见与退回原因（本单位填报人、主管部门审核人、财政局和管理员可见）")
def comments(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    if not caller.authenticated:
        raise HTTPException(401, "请先登录后查看审核意见")
    with store.session() as s:
        return queries.comments(s, caller.principal, disclosure_id)


@router.post("/api/disclosures/{disclosure_id}/comments", response_model=CommentOut, status_code=201,
             summary="发表审核意见（可指向某张表、某一行、某个数字或某个问题）")
def add_comment(disclosure_id: int, body: CommentIn, caller: Caller = Depends(require_user_csrf),
                store=Depends(get_store)):
    with store.session() as s:
        d = queries.get_disclosure(s, caller.principal, disclosure_id)
        if not access.can_comment(caller.principal, d):
            raise Forbidden("您无权对这份文件发表意见")
        target = Target(body.table_id, body.row_id, body.cell_id, body.finding_id, body.page)
        c = repository.add_comment(s, d, load_user(s, caller), body.text, target, ip=caller.ip)
        s.refresh(c, ["user"])
        return queries.comment_dict(c)
