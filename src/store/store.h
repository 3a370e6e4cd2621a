/* store.h - the whole domain store interface: store_base.h (opening,
 * arenas, migrations, the conventions every function follows) and one
 * header per record family. Include a family header where only that
 * family is used. */
#ifndef SW_STORE_H
#define SW_STORE_H

#include "store/store_base.h"

#include "store/store_org.h"
#include "store/store_invitation.h"
#include "store/store_case.h"
#include "store/store_person.h"
#include "store/store_sickness.h"
#include "store/store_history.h"
#include "store/store_timeline.h"
#include "store/store_scan.h"
#include "store/store_auth.h"
#include "store/store_audit.h"
#include "store/store_message.h"
#include "store/store_consent.h"
#include "store/store_seed.h"
#include "store/store_network.h"
#include "store/store_monitor.h"
#include "store/store_stats.h"
#include "store/store_medical.h"
#include "store/store_document.h"
#include "store/store_info.h"
#include "store/store_idempotency.h"
#include "store/store_retention.h"

#endif
