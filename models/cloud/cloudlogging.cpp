#include "cloud/cloudlogging.h"

Q_LOGGING_CATEGORY(lcCloudHttp, "tenantry.cloud.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCloudToken, "tenantry.cloud.token", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCloudScheduler, "tenantry.cloud.scheduler", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCloudPaging, "tenantry.cloud.paging", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCloudCredentials, "tenantry.cloud.credentials", QtWarningMsg)
