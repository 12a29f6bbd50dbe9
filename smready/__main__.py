from smready.app import main

raise SystemExit(main())
