// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

// Out of line so the vtable has one home.
SecretStore::~SecretStore() = default;
