#pragma once

#include <QLoggingCategory>

// One logging category per area of the cloud client, so `QT_LOGGING_RULES` can turn on exactly the
// part being debugged. Nothing logged under these categories ever contains a token or a secret.
Q_DECLARE_LOGGING_CATEGORY(lcCloudHttp) // tenantry.cloud.http: requests, responses, redirects, retries
Q_DECLARE_LOGGING_CATEGORY(lcCloudToken) // tenantry.cloud.token: token fetches, cache, invalidation
Q_DECLARE_LOGGING_CATEGORY(lcCloudScheduler) // tenantry.cloud.scheduler: queues, budgets, parking
Q_DECLARE_LOGGING_CATEGORY(lcCloudPaging) // tenantry.cloud.paging: pages followed, stops
Q_DECLARE_LOGGING_CATEGORY(lcCloudCredentials) // tenantry.cloud.credentials: which client serves a host
