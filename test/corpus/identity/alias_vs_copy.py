# Assignment makes an alias to the same object; copying makes an equal but distinct one.
import copy

scores = [90, 85, 77]
alias = scores
copied = scores.copy()
sliced = scores[:]
listed = list(scores)
print('alias is scores:', alias is scores)
print('copies equal:', copied == scores, sliced == scores, listed == scores)
print('copies distinct:', copied is scores, sliced is scores, listed is scores)
alias.append(60)
print('after append through alias:', scores, copied)
nested = [[1], [2]]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print('shallow shares inner:', shallow[0] is nested[0])
print('deep copies inner:', deep[0] is nested[0])
nested[0].append(99)
print('shallow sees change:', shallow[0], 'deep does not:', deep[0])
