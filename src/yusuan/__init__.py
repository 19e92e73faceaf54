"""yusuan: Chinese government departmental budgets (部门预算) and final accounts (决算)."""

__version__ = "0.1.0"
