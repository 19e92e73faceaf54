"""Bodies: the tree of parent departments and units, one body with its disclosures."""

from fastapi import APIRouter, Depends

from yusuan.store import queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import BodyDetail, BodyTree

router = APIRouter(tags=["单位"])


@router.get("/api/bodies", response_model=BodyTree, summary="单位树（主管部门及其下属单位，含可见的公开文件）")
def bodies(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.body_tree(s, caller.principal)


@router.get("/api/bodies/{body_id}", response_model=BodyDetail, summary="一个单位：上级、下属单位、全部可见版本")
def body(body_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.body_detail(s, caller.principal, body_id)
