// English and Chinese, complete: every key exists in both (a key missing in the current language
// shows as ⟦key⟧, which the browser tests look for). The choice persists in localStorage.

const STORE = 'burncloud.lang';

const en = {
  'nav.main': 'Main', 'nav.skip': 'Skip to content', 'nav.signout': 'Sign out',
  'nav.dashboard': 'Dashboard', 'nav.channels': 'Channels', 'nav.tokens': 'Tokens', 'nav.users': 'Users',
  'nav.prices': 'Prices', 'nav.logs': 'Logs', 'nav.playground': 'Playground', 'nav.settings': 'Settings',
  'pref.language': 'Language', 'pref.theme': 'Theme', 'pref.system': 'System', 'pref.light': 'Light', 'pref.dark': 'Dark',
  'role.root': 'Root', 'role.admin': 'Administrator', 'role.user': 'User',
  'status.enabled': 'Enabled', 'status.disabled': 'Disabled', 'status.auto_disabled': 'Auto-disabled',
  'type.openai': 'OpenAI (compatible)', 'type.azure': 'Azure OpenAI', 'type.anthropic': 'Anthropic', 'type.gemini': 'Gemini',
  'type.bedrock': 'AWS Bedrock', 'type.qwen': 'Qwen (DashScope)',
  'settlement.completed': 'Completed', 'settlement.client_gone': 'Client left', 'settlement.upstream_error_midstream': 'Upstream error mid-stream',
  'settlement.timeout': 'Timed out', 'settlement.upstream_failed': 'Upstream failed', 'settlement.rejected': 'Rejected', 'settlement.null': '—',
  'settlement.interrupted': 'Interrupted (gateway restarted)', 'settlement.server_error': 'Gateway error',
  'code.unused': 'Unused', 'code.used': 'Used',
  'error.network': 'The server cannot be reached. Retrying helps once it is back.',
  'common.actions': 'Actions', 'common.all': 'All', 'common.any': 'Any', 'common.cancel': 'Cancel', 'common.channel': 'Channel',
  'common.close': 'Close', 'common.confirmDelete': 'Confirm delete', 'common.copied': 'Copied to the clipboard.', 'common.copy': 'Copy',
  'common.delete': 'Delete', 'common.deleteNamed': 'Delete {0}', 'common.disable': 'Disable', 'common.disableNamed': 'Disable {0}',
  'common.enable': 'Enable', 'common.enableNamed': 'Enable {0}', 'common.done': 'Done', 'common.edit': 'Edit', 'common.editNamed': 'Edit {0}',
  'common.group': 'Group', 'common.listHint': 'Separate with commas; empty means all.', 'common.model': 'Model', 'common.name': 'Name',
  'common.never': 'Never', 'common.next': 'Next', 'common.no': 'No', 'common.noData': 'Nothing here yet.', 'common.pageOf': 'Page {0} of {1} · {2} in all',
  'common.pagination': 'Pages', 'common.previous': 'Previous', 'common.save': 'Save', 'common.status': 'Status', 'common.unlimited': 'Unlimited',
  'common.user': 'User', 'common.yes': 'Yes',
  'signin.title': 'Sign in', 'signin.lead': 'BurnCloud console', 'signin.username': 'Username', 'signin.password': 'Password', 'signin.submit': 'Sign in',
  'signin.hint': 'First start: user root, with the password from BURNCLOUD_ROOT_PASSWORD or printed once in the log.',
  'dash.now': 'Right now', 'dash.live.connecting': 'Connecting to live statistics…', 'dash.live.open': 'Live: updated every second.',
  'dash.live.reconnecting': 'Live statistics interrupted; reconnecting…',
  'dash.rps': 'Requests/s', 'dash.rpm': 'Requests/min', 'dash.tps': 'Tokens/s', 'dash.inflight': 'In flight', 'dash.errorRate': 'Error rate (1 h)',
  'dash.p50': 'Latency p50 (1 h)', 'dash.p95': 'Latency p95 (1 h)', 'dash.spendToday': 'Spend today',
  'dash.rpsChart': 'Requests per second, last 2 minutes', 'dash.tpsChart': 'Tokens per second, last 2 minutes', 'dash.history': 'History',
  'dash.range': 'Range', 'dash.range.1h': 'Last hour', 'dash.range.24h': 'Last 24 hours', 'dash.range.7d': 'Last 7 days', 'dash.groupBy': 'Group by',
  'dash.group.none': 'Nothing', 'dash.group.model': 'Model', 'dash.group.channel': 'Channel', 'dash.group.user': 'User', 'dash.group.token': 'Token',
  'dash.requests': 'Requests', 'dash.tokens': 'Tokens', 'dash.cost': 'Cost (USD)', 'dash.latency': 'Latency p50',
  'dash.topModels': 'Top models', 'dash.topChannels': 'Top channels',
  'tokens.new': 'New token', 'tokens.edit': 'Edit {0}', 'tokens.create': 'Create', 'tokens.saved': 'Token saved.', 'tokens.deleted': 'Token deleted.',
  'tokens.quota': 'Quota (USD)', 'tokens.quotaHint': 'Empty for unlimited.', 'tokens.used': 'Used', 'tokens.expires': 'Expires', 'tokens.rpm': 'Requests per minute', 'tokens.rpmShort': 'RPM',
  'tokens.rpmHint': 'Empty or 0 for no limit.', 'tokens.models': 'Models', 'tokens.ipRanges': 'IP ranges', 'tokens.ipHint': 'Addresses or CIDR ranges; empty allows all.',
  'tokens.key': 'Key', 'tokens.keyTitle': 'Key of {0}', 'tokens.keyOnce': 'Copy this key now: it is shown only once and cannot be shown again.',
  'tokens.usage': 'Usage', 'tokens.usageNamed': 'Usage of {0}',
  'channels.add': 'Add channel', 'channels.added': 'Channel {0} added.', 'channels.edit': 'Edit {0}', 'channels.saved': 'Channel {0} saved.',
  'channels.type': 'Type', 'channels.baseUrl': 'Base URL', 'channels.baseUrlHint': "Empty for the provider's default.", 'channels.key': 'API key',
  'channels.awsKey': 'AWS credentials', 'channels.awsKeyHint': 'ACCESS_KEY_ID|SECRET_ACCESS_KEY, optionally |SESSION_TOKEN.',
  'channels.keyKeep': 'Empty keeps the current key.', 'channels.region': 'AWS region', 'channels.apiVersion': 'API version', 'channels.models': 'Models',
  'channels.fetchModels': "Fetch the provider's models", 'channels.groups': 'Groups', 'channels.priority': 'Priority', 'channels.weight': 'Weight',
  'channels.mapping': 'Model mapping', 'channels.mappingHint': 'model=upstream-model, separated by commas.', 'channels.used': 'Used',
  'channels.lastTest': 'Last test', 'channels.test': 'Test', 'channels.testNamed': 'Test {0}', 'channels.testSelected': 'Test selected',
  'channels.testing': 'Testing…', 'channels.testOk': '{0} answered in {1} ms.', 'channels.testFailed': '{0} failed: {1}', 'channels.ok': 'OK',
  'channels.failed': 'Failed', 'channels.never': 'Not tested', 'channels.ttft': 'first token', 'channels.tps': 'tokens/s',
  'channels.select': 'Select', 'channels.selectNamed': 'Select {0}', 'channels.priorityOf': 'Priority of {0}', 'channels.weightOf': 'Weight of {0}',
  'channels.none': 'No channels yet: add one to start serving requests.',
  'channels.availability': 'Availability', 'channels.today': 'Today {0}', 'channels.groupsList': 'Groups: {0}', 'channels.week': '7 d {0}', 'channels.latency24h': 'Latency 24 h',
  'channels.latencyOf': 'Median latency of {0} over the last 24 hours',
  'users.new': 'New user', 'users.created': 'User {0} created.', 'users.saved': 'User {0} saved.', 'users.role': 'Role', 'users.roleOf': 'Role of {0}',
  'users.passwordHint': 'At least 8 characters; empty for no console sign-in.', 'users.balance': 'Balance', 'users.balanceHint': 'US dollars; empty for unlimited.',
  'users.used': 'Used', 'users.requests': 'Requests', 'users.topUp': 'Top up', 'users.amountFor': 'Amount for {0}', 'users.credit': 'Credit',
  'users.toppedUp': '{0} now has {1}.', 'users.search': 'Search users', 'users.find': 'Search', 'users.codes': 'Redemption codes',
  'users.amount': 'Amount (USD)', 'users.count': 'How many', 'users.makeCodes': 'Create codes', 'users.codesOnce': 'Copy these codes now: they are shown only once.',
  'users.code': 'Code', 'users.redeemedAt': 'Redeemed',
  'prices.lead': 'US dollars per million tokens.', 'prices.add': 'Set a price', 'prices.saved': 'Price of {0} saved.', 'prices.deleted': 'Price of {0} deleted.',
  'prices.input': 'Input', 'prices.output': 'Output', 'prices.cached': 'Cached input', 'prices.alias': 'Alias of', 'prices.aliasHint': 'Another model whose price this one uses.',
  'prices.inputOf': 'Input price of {0}', 'prices.outputOf': 'Output price of {0}', 'prices.cachedOf': 'Cached input price of {0}', 'prices.aliasOf': 'Alias target of {0}',
  'prices.groupRatios': 'Group ratios', 'prices.modelRatios': 'Model ratios', 'prices.ratio': 'Ratio', 'prices.completionRatio': 'Completion ratio', 'prices.setRatio': 'Set ratio',
  'logs.filters': 'Filters', 'logs.from': 'From', 'logs.to': 'To', 'logs.tokenId': 'Token ID', 'logs.channelId': 'Channel ID', 'logs.userId': 'User ID',
  'logs.stream': 'Streamed', 'logs.apply': 'Apply', 'logs.export': 'Export CSV', 'logs.liveTail': 'Live tail',
  'logs.tail.connecting': 'Connecting the live tail…', 'logs.tail.open': 'Live tail: new requests appear at the top.', 'logs.tail.reconnecting': 'Live tail interrupted; reconnecting…',
  'logs.tailEmpty': 'Waiting for new requests…', 'logs.time': 'Time', 'logs.token': 'Token', 'logs.promptTokens': 'Input tokens',
  'logs.completionTokens': 'Output tokens', 'logs.cachedTokens': 'Cached input tokens', 'logs.cacheCreationTokens': 'Cache write tokens',
  'logs.reasoningTokens': 'Reasoning tokens', 'logs.cost': 'Cost', 'logs.latency': 'Latency', 'logs.ttfb': 'Time to first byte',
  'logs.settlement': 'Settlement', 'logs.details': 'Details', 'logs.detailsOf': 'Details of {0}', 'logs.detailTitle': 'Request details',
  'logs.requestId': 'Request ID', 'logs.endpoint': 'Endpoint', 'logs.upstreamModel': 'Upstream model', 'logs.clientIp': 'Client address',
  'logs.estimated': 'estimated (no usage reported)', 'logs.priceMissing': 'no price', 'logs.attempts': 'Attempts',
  'logs.attempt': 'Channel {0}: {1}', 'logs.noAttempts': 'No channel was tried.',
  'play.key': 'API key', 'play.keyHint': 'One of your sk-… keys (create one on the Tokens page).', 'play.message': 'Message', 'play.send': 'Send',
  'play.stop': 'Stop', 'play.curl': 'Copy as curl', 'play.copyFailed': 'The clipboard is not available here.', 'play.answer': 'Answer',
  'play.needKey': 'Enter one of your API keys first.', 'play.costPending': 'waiting for the log…', 'play.rawRequest': 'Raw request', 'play.rawResponse': 'Raw response',
  'settings.options': 'Runtime options', 'settings.saved': 'Options saved.',
  'opt.registration_enabled': 'Anyone may sign up', 'opt.registration_enabled.hint': 'Lets people create their own accounts with POST /api/auth/register.',
  'opt.registration_balance': 'Starting balance (USD)', 'opt.registration_balance.hint': 'Credited to every new account.',
  'opt.invite_bonus_invitee': 'Invitee bonus (USD)', 'opt.invite_bonus_invitee.hint': 'Extra credit for signing up with an invite code.',
  'opt.invite_bonus_inviter': 'Inviter bonus (USD)', 'opt.invite_bonus_inviter.hint': 'Credited to the owner of the invite code.',
  'opt.retry_times': 'Retries', 'opt.retry_times.hint': 'Other channels tried after a failure before answering.',
  'opt.unpriced_model_policy': 'Models without a price', 'opt.unpriced_model_policy.hint': 'Refuse them, or serve them free of charge.',
  'opt.unpriced_model_policy.reject': 'Refuse', 'opt.unpriced_model_policy.free': 'Serve free',
  'opt.channel_test_interval_s': 'Test channels every (s)', 'opt.channel_test_interval_s.hint': '0 turns the scheduled test off.',
  'opt.auto_disable_enabled': 'Disable failing channels automatically', 'opt.auto_disable_enabled.hint': 'A channel that fails a test is taken out until it passes.',
  'opt.auto_disable_max_latency_ms': 'Slowest acceptable test (ms)', 'opt.auto_disable_max_latency_ms.hint': '0 means no latency limit.',
  'profile.title': 'Profile', 'profile.inviteCode': 'Invite code', 'profile.redeem': 'Redeem a code', 'profile.redeemButton': 'Redeem',
  'profile.redeemed': '{0} credited; balance now {1}.', 'profile.password': 'Change password', 'profile.currentPassword': 'Current password',
  'profile.newPassword': 'New password', 'profile.changePassword': 'Change password', 'profile.passwordChanged': 'Password changed; other sessions were signed out.',
};

const zh = {
  'nav.main': '主导航', 'nav.skip': '跳到内容', 'nav.signout': '退出登录',
  'nav.dashboard': '仪表盘', 'nav.channels': '渠道', 'nav.tokens': '令牌', 'nav.users': '用户',
  'nav.prices': '价格', 'nav.logs': '日志', 'nav.playground': '操练场', 'nav.settings': '设置',
  // the switch names itself in both languages, so it can be found whichever is showing
  'pref.language': '语言 (Language)', 'pref.theme': '主题', 'pref.system': '跟随系统', 'pref.light': '浅色', 'pref.dark': '深色',
  'role.root': '超级管理员', 'role.admin': '管理员', 'role.user': '用户',
  'status.enabled': '已启用', 'status.disabled': '已禁用', 'status.auto_disabled': '已自动禁用',
  'type.openai': 'OpenAI（兼容）', 'type.azure': 'Azure OpenAI', 'type.anthropic': 'Anthropic', 'type.gemini': 'Gemini',
  'type.bedrock': 'AWS Bedrock', 'type.qwen': '通义千问（DashScope）',
  'settlement.completed': '已完成', 'settlement.client_gone': '客户端已离开', 'settlement.upstream_error_midstream': '上游中途出错',
  'settlement.timeout': '超时', 'settlement.upstream_failed': '上游失败', 'settlement.rejected': '已拒绝', 'settlement.null': '—',
  'settlement.interrupted': '已中断（网关重启）', 'settlement.server_error': '网关错误',
  'code.unused': '未使用', 'code.used': '已使用',
  'error.network': '无法连接服务器。服务器恢复后重试即可。',
  'common.actions': '操作', 'common.all': '全部', 'common.any': '不限', 'common.cancel': '取消', 'common.channel': '渠道',
  'common.close': '关闭', 'common.confirmDelete': '确认删除', 'common.copied': '已复制到剪贴板。', 'common.copy': '复制',
  'common.delete': '删除', 'common.deleteNamed': '删除 {0}', 'common.disable': '禁用', 'common.disableNamed': '禁用 {0}',
  'common.enable': '启用', 'common.enableNamed': '启用 {0}', 'common.done': '完成', 'common.edit': '编辑', 'common.editNamed': '编辑 {0}',
  'common.group': '分组', 'common.listHint': '用逗号分隔；留空表示全部。', 'common.model': '模型', 'common.name': '名称',
  'common.never': '永不', 'common.next': '下一页', 'common.no': '否', 'common.noData': '暂无数据。', 'common.pageOf': '第 {0} / {1} 页 · 共 {2} 条',
  'common.pagination': '分页', 'common.previous': '上一页', 'common.save': '保存', 'common.status': '状态', 'common.unlimited': '无限',
  'common.user': '用户', 'common.yes': '是',
  'signin.title': '登录', 'signin.lead': 'BurnCloud 控制台', 'signin.username': '用户名', 'signin.password': '密码', 'signin.submit': '登录',
  'signin.hint': '首次启动：用户 root，密码取自 BURNCLOUD_ROOT_PASSWORD，或在日志中只打印一次。',
  'dash.now': '当前', 'dash.live.connecting': '正在连接实时统计…', 'dash.live.open': '实时：每秒更新。',
  'dash.live.reconnecting': '实时统计中断，正在重连…',
  'dash.rps': '每秒请求', 'dash.rpm': '每分钟请求', 'dash.tps': '每秒令牌', 'dash.inflight': '处理中', 'dash.errorRate': '错误率（1 小时）',
  'dash.p50': '延迟 p50（1 小时）', 'dash.p95': '延迟 p95（1 小时）', 'dash.spendToday': '今日花费',
  'dash.rpsChart': '每秒请求数（最近 2 分钟）', 'dash.tpsChart': '每秒令牌数（最近 2 分钟）', 'dash.history': '历史',
  'dash.range': '时间范围', 'dash.range.1h': '最近 1 小时', 'dash.range.24h': '最近 24 小时', 'dash.range.7d': '最近 7 天', 'dash.groupBy': '分组方式',
  'dash.group.none': '不分组', 'dash.group.model': '模型', 'dash.group.channel': '渠道', 'dash.group.user': '用户', 'dash.group.token': '令牌',
  'dash.requests': '请求数', 'dash.tokens': '令牌数', 'dash.cost': '花费（美元）', 'dash.latency': '延迟 p50',
  'dash.topModels': '热门模型', 'dash.topChannels': '热门渠道',
  'tokens.new': '新建令牌', 'tokens.edit': '编辑 {0}', 'tokens.create': '创建', 'tokens.saved': '令牌已保存。', 'tokens.deleted': '令牌已删除。',
  'tokens.quota': '额度（美元）', 'tokens.quotaHint': '留空表示无限。', 'tokens.used': '已用', 'tokens.expires': '过期时间', 'tokens.rpm': '每分钟请求数', 'tokens.rpmShort': 'RPM',
  'tokens.rpmHint': '留空或 0 表示不限。', 'tokens.models': '模型', 'tokens.ipRanges': 'IP 范围', 'tokens.ipHint': '地址或 CIDR 范围；留空表示全部允许。',
  'tokens.key': '密钥', 'tokens.keyTitle': '{0} 的密钥', 'tokens.keyOnce': '请立即复制此密钥：它只显示这一次，之后无法再次查看。',
  'tokens.usage': '用量', 'tokens.usageNamed': '{0} 的用量',
  'channels.add': '添加渠道', 'channels.added': '渠道 {0} 已添加。', 'channels.edit': '编辑 {0}', 'channels.saved': '渠道 {0} 已保存。',
  'channels.type': '类型', 'channels.baseUrl': '基础 URL', 'channels.baseUrlHint': '留空使用服务商默认地址。', 'channels.key': 'API 密钥',
  'channels.awsKey': 'AWS 凭证', 'channels.awsKeyHint': 'ACCESS_KEY_ID|SECRET_ACCESS_KEY，可附加 |SESSION_TOKEN。',
  'channels.keyKeep': '留空保留当前密钥。', 'channels.region': 'AWS 区域', 'channels.apiVersion': 'API 版本', 'channels.models': '模型',
  'channels.fetchModels': '获取服务商的模型列表', 'channels.groups': '分组', 'channels.priority': '优先级', 'channels.weight': '权重',
  'channels.mapping': '模型映射', 'channels.mappingHint': '模型=上游模型，用逗号分隔。', 'channels.used': '已用',
  'channels.lastTest': '上次测试', 'channels.test': '测试', 'channels.testNamed': '测试 {0}', 'channels.testSelected': '测试所选',
  'channels.testing': '测试中…', 'channels.testOk': '{0} 在 {1} 毫秒内应答。', 'channels.testFailed': '{0} 失败：{1}', 'channels.ok': '正常',
  'channels.failed': '失败', 'channels.never': '未测试', 'channels.ttft': '首令牌', 'channels.tps': '令牌/秒',
  'channels.select': '选择', 'channels.selectNamed': '选择 {0}', 'channels.priorityOf': '{0} 的优先级', 'channels.weightOf': '{0} 的权重',
  'channels.none': '还没有渠道：添加一个即可开始服务请求。',
  'channels.availability': '可用率', 'channels.today': '今日 {0}', 'channels.groupsList': '分组：{0}', 'channels.week': '7 天 {0}', 'channels.latency24h': '24 小时延迟',
  'channels.latencyOf': '{0} 最近 24 小时的延迟中位数',
  'users.new': '新建用户', 'users.created': '用户 {0} 已创建。', 'users.saved': '用户 {0} 已保存。', 'users.role': '角色', 'users.roleOf': '{0} 的角色',
  'users.passwordHint': '至少 8 个字符；留空则不能登录控制台。', 'users.balance': '余额', 'users.balanceHint': '美元；留空表示无限。',
  'users.used': '已用', 'users.requests': '请求数', 'users.topUp': '充值', 'users.amountFor': '给 {0} 的金额', 'users.credit': '入账',
  'users.toppedUp': '{0} 现有 {1}。', 'users.search': '搜索用户', 'users.find': '搜索', 'users.codes': '兑换码',
  'users.amount': '金额（美元）', 'users.count': '数量', 'users.makeCodes': '生成兑换码', 'users.codesOnce': '请立即复制这些兑换码：它们只显示这一次。',
  'users.code': '兑换码', 'users.redeemedAt': '兑换时间',
  'prices.lead': '单位：美元 / 百万令牌。', 'prices.add': '设置价格', 'prices.saved': '{0} 的价格已保存。', 'prices.deleted': '{0} 的价格已删除。',
  'prices.input': '输入', 'prices.output': '输出', 'prices.cached': '缓存输入', 'prices.alias': '别名指向', 'prices.aliasHint': '使用另一个模型的价格。',
  'prices.inputOf': '{0} 的输入价格', 'prices.outputOf': '{0} 的输出价格', 'prices.cachedOf': '{0} 的缓存输入价格', 'prices.aliasOf': '{0} 的别名目标',
  'prices.groupRatios': '分组倍率', 'prices.modelRatios': '模型倍率', 'prices.ratio': '倍率', 'prices.completionRatio': '补全倍率', 'prices.setRatio': '设置倍率',
  'logs.filters': '筛选', 'logs.from': '开始时间', 'logs.to': '结束时间', 'logs.tokenId': '令牌 ID', 'logs.channelId': '渠道 ID', 'logs.userId': '用户 ID',
  'logs.stream': '流式', 'logs.apply': '应用', 'logs.export': '导出 CSV', 'logs.liveTail': '实时跟踪',
  'logs.tail.connecting': '正在连接实时跟踪…', 'logs.tail.open': '实时跟踪：新请求显示在最上方。', 'logs.tail.reconnecting': '实时跟踪中断，正在重连…',
  'logs.tailEmpty': '等待新的请求…', 'logs.time': '时间', 'logs.token': '令牌', 'logs.promptTokens': '输入令牌',
  'logs.completionTokens': '输出令牌', 'logs.cachedTokens': '缓存输入令牌', 'logs.cacheCreationTokens': '缓存写入令牌',
  'logs.reasoningTokens': '推理令牌', 'logs.cost': '花费', 'logs.latency': '延迟', 'logs.ttfb': '首字节时间',
  'logs.settlement': '结算', 'logs.details': '详情', 'logs.detailsOf': '{0} 的详情', 'logs.detailTitle': '请求详情',
  'logs.requestId': '请求 ID', 'logs.endpoint': '端点', 'logs.upstreamModel': '上游模型', 'logs.clientIp': '客户端地址',
  'logs.estimated': '估算（上游未报告用量）', 'logs.priceMissing': '无价格', 'logs.attempts': '尝试记录',
  'logs.attempt': '渠道 {0}：{1}', 'logs.noAttempts': '没有尝试任何渠道。',
  'play.key': 'API 密钥', 'play.keyHint': '你的某个 sk-… 密钥（可在令牌页面创建）。', 'play.message': '消息', 'play.send': '发送',
  'play.stop': '停止', 'play.curl': '复制为 curl', 'play.copyFailed': '此处无法使用剪贴板。', 'play.answer': '回答',
  'play.needKey': '请先输入你的 API 密钥。', 'play.costPending': '等待日志…', 'play.rawRequest': '原始请求', 'play.rawResponse': '原始响应',
  'settings.options': '运行时选项', 'settings.saved': '选项已保存。',
  'opt.registration_enabled': '允许任何人注册', 'opt.registration_enabled.hint': '允许通过 POST /api/auth/register 自行创建账号。',
  'opt.registration_balance': '初始余额（美元）', 'opt.registration_balance.hint': '每个新账号获得的额度。',
  'opt.invite_bonus_invitee': '受邀者奖励（美元）', 'opt.invite_bonus_invitee.hint': '使用邀请码注册时额外获得的额度。',
  'opt.invite_bonus_inviter': '邀请者奖励（美元）', 'opt.invite_bonus_inviter.hint': '奖励给邀请码的所有者。',
  'opt.retry_times': '重试次数', 'opt.retry_times.hint': '失败后在应答前尝试的其他渠道数。',
  'opt.unpriced_model_policy': '未定价的模型', 'opt.unpriced_model_policy.hint': '拒绝请求，或免费提供。',
  'opt.unpriced_model_policy.reject': '拒绝', 'opt.unpriced_model_policy.free': '免费提供',
  'opt.channel_test_interval_s': '渠道测试间隔（秒）', 'opt.channel_test_interval_s.hint': '0 表示关闭定时测试。',
  'opt.auto_disable_enabled': '自动禁用故障渠道', 'opt.auto_disable_enabled.hint': '测试失败的渠道会被停用，直到再次通过测试。',
  'opt.auto_disable_max_latency_ms': '可接受的最长测试耗时（毫秒）', 'opt.auto_disable_max_latency_ms.hint': '0 表示不限制延迟。',
  'profile.title': '个人资料', 'profile.inviteCode': '邀请码', 'profile.redeem': '兑换', 'profile.redeemButton': '兑换',
  'profile.redeemed': '已入账 {0}；当前余额 {1}。', 'profile.password': '修改密码', 'profile.currentPassword': '当前密码',
  'profile.newPassword': '新密码', 'profile.changePassword': '修改密码', 'profile.passwordChanged': '密码已修改；其他会话已退出。',
};

const DICTIONARIES = { en, zh };

function initial() {
  const stored = localStorage.getItem(STORE);
  if (stored in DICTIONARIES) return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current = initial();
document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';

export function language() {
  return current;
}

export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-US';
}

export function setLanguage(lang) {
  current = lang in DICTIONARIES ? lang : 'en';
  localStorage.setItem(STORE, current);
  document.documentElement.lang = locale();
}

/** The text of `key` in the current language, `{0}`… replaced by the arguments. */
export function t(key, ...args) {
  const text = DICTIONARIES[current][key];
  if (text === undefined) return '⟦' + key + '⟧';
  return args.length ? text.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)])) : text;
}

/** Keys present in one dictionary and not the other (the tests check this is empty). */
export function missingKeys() {
  return [...Object.keys(en).filter((k) => !(k in zh)), ...Object.keys(zh).filter((k) => !(k in en))];
}
