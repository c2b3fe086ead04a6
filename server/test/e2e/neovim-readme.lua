-- Driven by neovim-readme.e2e.ts. Neovim was started with the README's Neovim 0.7 lines as its only config
-- (`-u init.lua`), in the kernel tree. This acts as a user would: open a Rust file, press K on `pin_init!`, then type
-- a path and press <C-x><C-o>. It records what showed up in $KR_NVIM_OUT and quits.
local out = { steps = {} }
local target = os.getenv('KR_NVIM_FILE')

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('KR_NVIM_OUT'))
  vim.cmd('qa!')
end

local function floating_lines()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      return vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), w
    end
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(target))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo.filetype
  out.attached = vim.wait(20000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.initialized then return true end
    end
    return false
  end, 20)
  -- K on pin_init!: the hover opens in a floating window.
  vim.fn.search('pin_init!(Self')
  vim.cmd('normal! 2l')
  vim.cmd('normal K')
  vim.wait(10000, function() return floating_lines() ~= nil end, 20)
  local lines, win = floating_lines()
  out.hover = lines
  if win then vim.api.nvim_win_close(win, true) end
  -- Completion: a `use kernel::time::` line, then <C-x><C-o> at its end. The keys run after this chunk returns,
  -- so a timer watches for the completion menu.
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { 'use kernel::time::' })
  vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(buf), 0 })
  out.omnifunc = vim.bo.omnifunc
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'n', false)
end)
if not ok then
  out.error = tostring(err)
  finish()
  return
end
local started = vim.loop.now()
local timer = vim.loop.new_timer()
timer:start(50, 50, vim.schedule_wrap(function()
  local items = vim.fn.complete_info({ 'items' }).items or {}
  if #items > 0 or vim.loop.now() - started > 15000 then
    timer:stop()
    out.mode = vim.fn.mode()
    out.completion = {}
    for _, it in ipairs(items) do table.insert(out.completion, it.word) end
    finish()
  end
end))
