from ungedesk.cli import main

raise SystemExit(main())
