# Verbs of holding a post for a while: "served as chief executive".
served | status=former
has served | status=current
serves | status=current
serving | status=current
