-- ---- BER (ACSE): each content decoder reads its value up to lim ----

local function ber_tag(tvb, off, lim)
  need(off, 1, lim)
  local first = tvb(off, 1):uint()
  local p = off + 1
  if first % 32 == 31 then
    repeat need(p, 1, lim) p = p + 1 until tvb(p - 1, 1):uint() < 0x80
    return -1, p
  end
  return first, p
end

function R.ber_sequence(tvb, off, lim, tree, ctx, label, components)
  local n, p = length(tvb, off, lim)
  need(p, n, lim)
  local stop = p + n
  while p < stop do
    local at = p
    local tag
    tag, p = ber_tag(tvb, p, stop)
    local size
    size, p = length(tvb, p, stop)
    need(p, size, stop)
    local component = components[tag]
    if component then
      N[component[2]](tvb, p, p + size, tree, ctx, component[1])
    else
      leaf(tree, tvb, at, p + size - at, "Unknown", "tag " .. hex(tvb, at, 1) .. " " .. hex(tvb, p, size))
    end
    p = p + size
  end
  return stop
end

function R.ber_choice(tvb, off, lim, tree, ctx, label, alternatives)
  local tag, p = ber_tag(tvb, off, lim)
  local size
  size, p = length(tvb, p, lim)
  need(p, size, lim)
  local alt = alternatives[tag]
  if alt then
    local sub = R.open(tree, tvb, off, label)
    N[alt[2]](tvb, p, p + size, sub, ctx, alt[1])
    R.close(sub, tree, off, p + size)
  else
    leaf(tree, tvb, off, p + size - off, label, "tag " .. hex(tvb, off, 1) .. " " .. hex(tvb, p, size))
  end
  return lim
end

function R.ber_explicit(tvb, off, lim, tree, ctx, label, inner_tag, node)
  local tag, p = ber_tag(tvb, off, lim)
  local size
  size, p = length(tvb, p, lim)
  need(p, size, lim)
  if tag == inner_tag then
    node(tvb, p, p + size, tree, ctx, label)
  else
    leaf(tree, tvb, off, p + size - off, label, "tag " .. hex(tvb, off, 1) .. " " .. hex(tvb, p, size))
  end
  return lim
end

function R.ber_integer(tvb, off, lim, tree, ctx, label, names)
  local n = lim - off
  if n < 1 or n > 4 then
    leaf(tree, tvb, off, n, label, hex(tvb, off, n))
    return lim
  end
  local v = tvb(off, n):int()
  local text = tostring(v)
  if names then text = text .. " (" .. (names[v] or "reserved") .. ")" end
  leaf(tree, tvb, off, n, label, text)
  return lim
end

function R.ber_oid(tvb, off, lim, tree, ctx, label, names)
  local arcs, v = {}, 0
  for i = off, lim - 1 do
    local b = tvb(i, 1):uint()
    v = v * 128 + b % 128
    if b < 0x80 then
      if #arcs == 0 then
        local first = math.min(math.floor(v / 40), 2)
        arcs[1], arcs[2] = first, v - 40 * first
      else
        arcs[#arcs + 1] = v
      end
      v = 0
    end
  end
  local dotted = table.concat(arcs, ".")
  local name = names[dotted]
  leaf(tree, tvb, off, lim - off, label, name and (dotted .. " (" .. name .. ")") or dotted)
  return lim
end

function R.ber_bit_string(tvb, off, lim, tree, ctx, label, names)
  need(off, 1, lim)
  local n = lim - off - 1
  local text = hex(tvb, off + 1, n)
  if #names > 0 then
    local set = {}
    for i = 0, n * 8 - 1 do
      if bits(tvb(off + 1 + math.floor(i / 8), 1):uint(), 7 - i % 8, 1) == 1 then set[#set + 1] = names[i + 1] or ("bit" .. i) end
    end
    text = text .. " (" .. table.concat(set, " ") .. ")"
  end
  leaf(tree, tvb, off, lim - off, label, text)
  return lim
end

function R.ber_text(tvb, off, lim, tree, ctx, label)
  local n = lim - off
  leaf(tree, tvb, off, n, label, printable(tvb, off, n) and ('"' .. tvb(off, n):string() .. '"') or hex(tvb, off, n))
  return lim
end

function R.ber_octets(tvb, off, lim, tree, ctx, label)
  leaf(tree, tvb, off, lim - off, label, hex(tvb, off, lim - off))
  return lim
end
