-- wrk script: each request takes a random path from the file named by $PATHS.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
