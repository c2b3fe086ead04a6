-- Driven by neovim.e2e.ts: Neovim's own LSP client (0.7 API: vim.lsp.start_client) talks to the server bundle.
-- Reads a JSON plan from $KR_NVIM_PLAN, runs its steps in order, writes what it saw to plan.output, quits.
-- Every wait is vim.wait on a condition; nothing here sleeps.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('KR_NVIM_PLAN')), '\n'))
local out = { steps = {}, progress = {} }

local function record(step, value)
  value.name = step.name
  table.insert(out.steps, value)
end

local function diagnostics_of(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      line = d.lnum,
      character = d.col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
    })
  end
  table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.character < b.character) end)
  return list
end

local ok, err = pcall(function()
  vim.lsp.set_log_level(plan.log_level or 'warn')
  local client_id = vim.lsp.start_client({
    name = 'kernel-rust',
    cmd = plan.cmd,
    root_dir = plan.root,
    init_options = plan.init_options,
    flags = { debounce_text_changes = 0 },
    -- Work-done progress as Neovim receives it (it advertises window.workDoneProgress): recorded, then handled as usual.
    handlers = {
      ['$/progress'] = function(err, result, ctx, config)
        if result and result.value then table.insert(out.progress, { token = tostring(result.token), kind = result.value.kind, title = result.value.title }) end
        return vim.lsp.handlers['$/progress'](err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal) out.exit = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nothing') end
  out.initialized = vim.wait(plan.timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 20)

  local buf
  for _, step in ipairs(plan.steps) do
    if step.kind == 'open' then
      vim.cmd('edit ' .. vim.fn.fnameescape(step.file))
      buf = vim.api.nvim_get_current_buf()
      vim.api.nvim_buf_set_option(buf, 'filetype', 'rust')
      vim.lsp.buf_attach_client(buf, client_id)
    elseif step.kind == 'diagnostics' then
      local ready = vim.wait(plan.timeout, function() return #vim.diagnostic.get(buf) >= step.min end, 20)
      record(step, { ready = ready, diagnostics = diagnostics_of(buf) })
    elseif step.kind == 'progress' then
      local ended = vim.wait(plan.timeout, function()
        for _, p in ipairs(out.progress) do if p.kind == 'end' then return true end end
        return false
      end, 20)
      record(step, { ready = ended })
    elseif step.kind == 'append' then
      vim.api.nvim_buf_set_lines(buf, -1, -1, false, { step.text })
    elseif step.kind == 'request' then
      local params = vim.deepcopy(step.params or {})
      params.textDocument = { uri = vim.uri_from_bufnr(buf) }
      if step.position then params.position = step.position end
      if step.position == 'end' then
        local last = vim.api.nvim_buf_line_count(buf) - 1
        local text = vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1]
        params.position = { line = last, character = #text }
      end
      local responses, request_err = vim.lsp.buf_request_sync(buf, step.method, params, plan.timeout)
      local value = { error = request_err }
      for _, r in pairs(responses or {}) do
        value.result = r.result
        value.error = r.error
      end
      record(step, value)
    end
  end
end)
if not ok then out.error = tostring(err) end
out.log = vim.lsp.get_log_path()
vim.fn.writefile({ vim.fn.json_encode(out) }, plan.output)
vim.cmd('qa!')
