//@ kernel: 7.3, 7.4, 7.1.5
// Hover text that depends on the kind of release targeted: published, in development, a stable point release.
use kernel::sync::Mutex;
//                ^ hover: checked against Linux
//                ^ hover@7.4: still in development: these facts may change
//                ^ hover@7.1.5: checked against Linux 7.1.5
//                ^ hover@7.3: checked against Linux 7.3
