from yusuan.cli.main import main

main()
